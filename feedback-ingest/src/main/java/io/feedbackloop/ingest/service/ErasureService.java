package io.feedbackloop.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.config.ErasureConfig;
import io.feedbackloop.ingest.repository.CustomerErasureRecord;
import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.DataKeys;
import io.feedbackloop.kit.privacy.ErasureLedger;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.runtime.ApplicationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Erasure on a customer's request: ingest removes the customer's personal data from its own store,
 * destroys their data key and publishes {@code customer.erased.v1} in the same transaction; every other service erases
 * its copy and confirms; the erasure is complete when all of them did.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ErasureLedger ledger;

    @Inject
    DataKeys keys;

    @Inject
    OutgoingEvents events;

    @Inject
    ErasureConfig config;

    @Inject
    ApplicationConfig application;

    @Inject
    Clock clock;

    /**
     * @param eraseText   also erase what the customer wrote; null means yes
     * @param requestedBy who asked for it; blank means the administrator
     */
    public ErasureProgress request(String customerId, Boolean eraseText, String requestedBy) {
        if (customerId == null || customerId.isBlank() || customerId.length() > 100) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("customerId", "length",
                    "must be 1 to 100 characters"))));
        }
        CustomerErasureRecord erasure = new CustomerErasureRecord();
        erasure.id = UUID.randomUUID();
        erasure.customerRef = pseudonyms.customerRef(customerId);
        erasure.eraseText = eraseText == null || eraseText;
        erasure.requestedBy = requestedBy == null || requestedBy.isBlank() ? "admin" : requestedBy;
        erasure.requestedAt = clock.instant();
        erasure.persist();

        // first: drops this service's unsent events about the customer, not the erasure event below
        long rows = ledger.record(customerId, erasure.requestedAt);
        rows += eraseHere(customerId, erasure.customerRef, erasure.eraseText);
        // crypto-shredding: every copy of their events, on every topic and dead-letter topic, in
        // every consumer's backlog and in this outbox, becomes unreadable with this key
        rows += keys.destroy(customerId);
        events.customerErased(new CustomerErasure.Requested(erasure.id, customerId, erasure.eraseText,
                erasure.requestedAt));
        confirm(new CustomerErasure.Confirmed(erasure.id, self(), rows, clock.instant()));
        return progress(erasure);
    }

    private long eraseHere(String customerId, String pseudonym, boolean eraseText) {
        // the row version moves: an update of this row loaded before the erasure fails and is
        // retried on the erased row, instead of writing the personal data back
        long rows = entityManager.createNativeQuery("""
                UPDATE feedback SET version = version + 1, customer_id = ?2, customer_email = NULL, customer_phone = NULL, customer_name = NULL,
                    text = CASE WHEN ?3 THEN NULL ELSE text END, metadata = CASE WHEN ?3 THEN NULL ELSE metadata END
                WHERE customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, pseudonym).setParameter(3, eraseText).executeUpdate();
        rows += entityManager.createNativeQuery("""
                UPDATE invitation SET customer_id = ?2, customer_email = NULL, customer_phone = NULL, customer_name = NULL
                WHERE customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, pseudonym).executeUpdate();
        return rows;
    }

    /** A service confirmed; a repeated confirmation changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(CustomerErasure.Confirmed confirmed) {
        CustomerErasureRecord erasure = CustomerErasureRecord.findById(confirmed.erasureId());
        if (erasure == null) {
            return;   // another installation's erasure on a shared topic
        }
        entityManager.createNativeQuery("""
                INSERT INTO customer_erasure_confirmation (erasure_id, service, rows_affected, confirmed_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, confirmed.erasureId()).setParameter(2, confirmed.service())
                .setParameter(3, confirmed.rowsAffected())
                .setParameter(4, confirmed.confirmedAt() != null ? confirmed.confirmedAt() : clock.instant())
                .executeUpdate();
        if (erasure.completedAt == null && waitingFor(confirmations(erasure.id)).isEmpty()) {
            erasure.completedAt = clock.instant();
        }
    }

    public ErasureProgress find(UUID id) {
        CustomerErasureRecord erasure = CustomerErasureRecord.findById(id);
        if (erasure == null) {
            throw ProblemException.notFound("erasure", id);
        }
        return progress(erasure);
    }

    private String self() {
        return application.name().orElseThrow();
    }

    private List<CustomerErasure.Confirmed> confirmations(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT service, rows_affected, confirmed_at FROM customer_erasure_confirmation
                WHERE erasure_id = ?1 ORDER BY confirmed_at""").setParameter(1, id).getResultList();
        List<CustomerErasure.Confirmed> result = new ArrayList<>();
        for (Object[] row : rows) {
            result.add(new CustomerErasure.Confirmed(id, (String) row[0], ((Number) row[1]).longValue(),
                    toInstant(row[2])));
        }
        return result;
    }

    private List<String> waitingFor(List<CustomerErasure.Confirmed> confirmations) {
        List<String> confirmed = confirmations.stream().map(CustomerErasure.Confirmed::service).toList();
        return config.services().stream().filter(s -> !confirmed.contains(s)).toList();
    }

    private ErasureProgress progress(CustomerErasureRecord erasure) {
        List<CustomerErasure.Confirmed> confirmations = confirmations(erasure.id);
        return new ErasureProgress(erasure, confirmations, waitingFor(confirmations));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return null;
    }
}
