package io.feedbackloop.notifier.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.messaging.PollingWorker;
import io.feedbackloop.notifier.messaging.FollowUpFailedEvent;
import io.feedbackloop.notifier.messaging.FollowUpSentEvent;
import io.feedbackloop.notifier.repository.FollowUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued follow-ups in three steps: claim one (row lock with {@code SKIP LOCKED}, so several
 * replicas share the queue; status {@code sending} with a lease), call the provider outside any
 * transaction, then record the outcome with its {@code followup.sent.v1} or
 * {@code followup.failed.v1} outbox event. A failed send is retried with exponential backoff.
 * If the process dies between sending and recording, the lease expires and the message is sent
 * again: at least once, never silently dropped (exactly-once needs the provider's dedupe key,
 * which every message carries as {@code X-Followup-Id}).
 */
@ApplicationScoped
public class FollowUpDispatcher {

    private static final Logger LOG = Logger.getLogger(FollowUpDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    @Inject
    ReactiveMailer mailer;

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

    @ConfigProperty(name = "followup.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    /** How long a message may stay "sending" before it counts as interrupted and is sent again. */
    @ConfigProperty(name = "followup.sending-lease", defaultValue = "PT5M")
    Duration sendingLease;

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
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** @return true if a follow-up was due (another may be) */
    boolean dispatchNext() {
        FollowUp followUp = QuarkusTransaction.requiringNew().call(this::claimDue);
        if (followUp == null) {
            return false;
        }
        // the provider is called outside any transaction: a slow SMTP server holds no lock and no
        // connection, and a failed commit afterwards cannot make us believe the send failed
        RuntimeException failure = null;
        try {
            FollowUpComposer.ComposedMessage message = composer.compose(followUp);
            mailer.send(Mail.withHtml(followUp.recipient, message.subject(), message.html())
                            .setText(message.text())
                            // the idempotency key of this message, for any receiver that deduplicates
                            .addHeader("X-Followup-Id", followUp.id.toString()))
                    .await().atMost(sendTimeout);
        } catch (RuntimeException e) {
            failure = e;
        }
        RuntimeException outcome = failure;
        QuarkusTransaction.requiringNew().run(() -> record(followUp.id, outcome));
        return true;
    }

    /** Takes the next due follow-up (queued, or stuck in sending past its lease) and records the attempt. */
    private FollowUp claimDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<FollowUp> due = entityManager.createNativeQuery("""
                SELECT * FROM follow_up WHERE status IN ('queued', 'sending') AND next_attempt_at <= ?1
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""", FollowUp.class)
                .setParameter(1, now).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        FollowUp followUp = due.get(0);
        if (FollowUp.SENDING.equals(followUp.status)) {
            LOG.warnf("follow-up %s was being sent when its sender stopped; sending it again", followUp.id);
        }
        followUp.attempts++;
        followUp.status = FollowUp.SENDING;
        followUp.nextAttemptAt = now.plus(sendingLease);
        return followUp;
    }

    private void record(UUID id, RuntimeException failure) {
        FollowUp followUp = FollowUp.findById(id);
        Instant now = Instant.now();
        if (failure == null) {
            followUp.status = FollowUp.SENT;
            followUp.sentAt = now;
            followUp.lastError = null;
            outbox.publish(FollowUpSentEvent.TOPIC, FollowUpSentEvent.TYPE, followUp.feedbackId.toString(),
                    new FollowUpSentEvent(followUp.id, followUp.feedbackId, followUp.caseId, followUp.kind,
                            followUp.channel, now));
            registry.counter("followups.sent", "kind", followUp.kind, "channel", followUp.channel).increment();
            return;
        }
        followUp.lastError = truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        if (followUp.attempts >= maxAttempts) {
            followUp.status = FollowUp.FAILED;
            outbox.publish(FollowUpFailedEvent.TOPIC, FollowUpFailedEvent.TYPE, followUp.feedbackId.toString(),
                    new FollowUpFailedEvent(followUp.id, followUp.feedbackId, followUp.caseId, followUp.kind,
                            followUp.channel, now, followUp.attempts, followUp.lastError));
            registry.counter("followups.failed", "kind", followUp.kind, "channel", followUp.channel).increment();
            LOG.errorf("follow-up %s failed for good after %d attempts: %s", followUp.id, followUp.attempts,
                    followUp.lastError);
            return;
        }
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(followUp.attempts - 1, 16));
        followUp.status = FollowUp.QUEUED;
        followUp.nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        LOG.warnf("follow-up %s not sent (attempt %d), next try at %s: %s", followUp.id, followUp.attempts,
                followUp.nextAttemptAt, followUp.lastError);
    }

    private static String truncate(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }
}
