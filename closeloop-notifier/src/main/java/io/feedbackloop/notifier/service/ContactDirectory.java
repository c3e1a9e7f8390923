package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.kit.messaging.PollingWorkers;
import io.feedbackloop.kit.privacy.ErasureLedger;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.model.ObservedContact;
import io.feedbackloop.notifier.repository.DirectoryContact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Where the notifier learns how to reach a customer: the contact given with each feedback
 * ({@code customer.contact.v1}), the only contact data it receives besides a survey invitation's.
 * A message is addressed with the contact of its feedback, else the customer's latest; one whose
 * contact has not arrived yet waits for it, at most {@code followup.contact-wait} after the event
 * that owes it.
 */
@ApplicationScoped
public class ContactDirectory {

    private static final Logger LOG = Logger.getLogger(ContactDirectory.class);
    private static final int RETENTION_BATCH = 500;

    @Inject
    ErasureLedger ledger;

    @Inject
    SuppressionList suppressions;

    @Inject
    CustomerPreferences preferences;

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    @Inject
    PollingWorkers workers;

    void start(@Observes StartupEvent startup) {
        workers.start(PollingWorkers.Schedule.of("contact-retention", java.time.Duration.ofHours(1))
                .enabledIf(config.contactRetention().isPresent()), this::forgetExpired);
    }

    /**
     * Stores a contact once per feedback, in the consumer's transaction. A contact of a customer erased
     * before it arrived (topics are not ordered with each other) stores nothing: the erasure ledger
     * is asked in this same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(ObservedContact observed) {
        CustomerContact contact = observed.contact();
        if (ledger.isErased(contact.id())) {
            LOG.infof("contact for feedback %s: the customer was erased before it arrived; nothing stored",
                    observed.feedbackId());
            return;
        }
        DirectoryContact.remember(observed.feedbackId(), contact.id(), contact.email(), contact.phone(), contact.name(),
                contact.locale(), contact.timeZone(), observed.observedAt());
        // a customer who opted out before we knew this address: it goes on the suppression list too
        suppressions.suppressNewAddressesOfOptedOut(contact, preferences.find(contact.id()));
    }

    /**
     * The customer reached as the directory knows them (their language and zone from the event unless
     * it has none), or empty once the contact is overdue: {@code followup.contact-wait} after
     * {@code occurredAt} nothing arrived, and the message is recorded as "no contact known".
     *
     * @throws ContactNotYetKnownException while the contact may still arrive (the event is retried)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CustomerContact> reach(CustomerContact customer, UUID feedbackId, Instant occurredAt) {
        Optional<DirectoryContact> known = DirectoryContact.lookup(customer.id(), feedbackId);
        if (known.isPresent()) {
            DirectoryContact c = known.get();
            return Optional.of(customer.reachedAs(new CustomerContact(c.customerId, c.email, c.phone, c.name, c.locale,
                    c.timeZone)));
        }
        Instant since = occurredAt != null ? occurredAt : clock.instant();
        if (!clock.instant().isBefore(since.plus(config.contactWait()))) {
            LOG.infof("feedback %s: no contact of the customer arrived within %s; recorded as no contact known",
                    feedbackId, config.contactWait());
            return Optional.empty();
        }
        throw new ContactNotYetKnownException("the contact for feedback " + feedbackId
                + " has not arrived yet (customer.contact.v1)");
    }

    /** The retention job: contacts observed longer ago than {@code followup.contact-retention} go. */
    boolean forgetExpired() {
        Instant cutoff = clock.instant().minus(config.contactRetention().orElseThrow());
        int deleted = QuarkusTransaction.requiringNew().call(() -> DirectoryContact.forgetObservedBefore(cutoff,
                RETENTION_BATCH));
        if (deleted > 0) {
            LOG.infof("contact directory: %d contacts observed before %s deleted (followup.contact-retention)", deleted,
                    cutoff);
        }
        return deleted == RETENTION_BATCH;
    }
}
