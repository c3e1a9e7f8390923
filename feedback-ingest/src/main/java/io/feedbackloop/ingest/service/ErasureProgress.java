package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.ingest.repository.CustomerErasureRecord;
import io.feedbackloop.kit.privacy.CustomerErasure;

/**
 * An erasure with the confirmations it has so far.
 *
 * @param waitingFor the services that have not confirmed yet
 */
public record ErasureProgress(CustomerErasureRecord erasure, List<CustomerErasure.Confirmed> confirmations,
                              List<String> waitingFor) {

    public boolean completed() {
        return waitingFor.isEmpty();
    }
}
