package io.feedbackloop.notifier.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.messaging.PollingWorker;
import io.feedbackloop.notifier.messaging.FollowUpFailedEvent;
import io.feedbackloop.notifier.messaging.FollowUpSentEvent;
import io.feedbackloop.notifier.repository.FollowUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued follow-ups, one per transaction: the row is locked ({@code SKIP LOCKED}, so
 * several replicas share the queue), the message is sent, and the row is marked sent together
 * with its {@code followup.sent.v1} outbox event. A failed send is retried with exponential
 * backoff; after the last attempt the follow-up is marked failed and {@code followup.failed.v1}
 * is published.
 */
@ApplicationScoped
public class FollowUpDispatcher {

    private static final Logger LOG = Logger.getLogger(FollowUpDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    @Inject
    Mailer mailer;

    @Inject
    FollowUpComposer composer;

    @Inject
    EventOutbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "followup.dispatch.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "followup.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "followup.retry.initial-backoff", defaultValue = "PT10S")
    Duration initialBackoff;

    private PollingWorker worker;

    void start(@Observes StartupEvent startup) {
        worker = new PollingWorker("followup-dispatcher", pollInterval, this::dispatchNext, failure -> {
        });
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(Duration.ofSeconds(10));
    }

    /** Wakes the dispatcher once the caller's transaction, which queued a follow-up, commits. */
    public void wakeUpAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && worker != null) {
                    worker.wakeUp();
                }
            }
        });
    }

    /** @return true if a follow-up was due (another may be) */
    boolean dispatchNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<FollowUp> due = entityManager.createNativeQuery("""
                    SELECT * FROM follow_up WHERE status = 'queued' AND next_attempt_at <= ?1
                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""", FollowUp.class)
                    .setParameter(1, Instant.now()).getResultList();
            if (due.isEmpty()) {
                return false;
            }
            attempt(due.get(0));
            return true;
        });
    }

    private void attempt(FollowUp followUp) {
        Instant now = Instant.now();
        followUp.attempts++;
        try {
            FollowUpComposer.ComposedMessage message = composer.compose(followUp);
            mailer.send(Mail.withHtml(followUp.recipient, message.subject(), message.html())
                    .setText(message.text())
                    // the idempotency key of this message, for any receiver that deduplicates
                    .addHeader("X-Followup-Id", followUp.id.toString()));
            followUp.status = FollowUp.SENT;
            followUp.sentAt = now;
            followUp.lastError = null;
            outbox.publish(FollowUpSentEvent.TOPIC, FollowUpSentEvent.TYPE, followUp.feedbackId.toString(),
                    new FollowUpSentEvent(followUp.id, followUp.feedbackId, followUp.caseId, followUp.kind,
                            followUp.channel, now));
            registry.counter("followups.sent", "kind", followUp.kind, "channel", followUp.channel).increment();
        } catch (RuntimeException e) {
            followUp.lastError = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (followUp.attempts >= maxAttempts) {
                followUp.status = FollowUp.FAILED;
                outbox.publish(FollowUpFailedEvent.TOPIC, FollowUpFailedEvent.TYPE, followUp.feedbackId.toString(),
                        new FollowUpFailedEvent(followUp.id, followUp.feedbackId, followUp.caseId, followUp.kind,
                                followUp.channel, now, followUp.attempts, followUp.lastError));
                registry.counter("followups.failed", "kind", followUp.kind, "channel", followUp.channel).increment();
                LOG.errorf("follow-up %s failed for good after %d attempts: %s", followUp.id, followUp.attempts,
                        followUp.lastError);
            } else {
                Duration backoff = initialBackoff.multipliedBy(1L << Math.min(followUp.attempts - 1, 16));
                followUp.nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
                LOG.warnf("follow-up %s not sent (attempt %d), next try at %s: %s", followUp.id, followUp.attempts,
                        followUp.nextAttemptAt, followUp.lastError);
            }
        }
    }

    private static String truncate(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }
}
