package io.feedbackloop.ingest.mapping;

import io.feedbackloop.ingest.api.CustomerRef;
import io.feedbackloop.ingest.model.CustomerContact;

/** The customer as the API and {@code touchpoint.completed.v1} name them, and as the domain keeps them. */
public final class CustomerMapper {

    private CustomerMapper() {
    }

    public static CustomerContact toContact(CustomerRef customer) {
        return new CustomerContact(customer.id(), customer.email(), customer.phone(), customer.name(),
                customer.segment(), customer.locale());
    }
}
