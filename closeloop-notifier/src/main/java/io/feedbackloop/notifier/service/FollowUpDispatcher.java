package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.feedbackloop.kit.messaging.PollingWorker;
import io.feedbackloop.kit.messaging.PollingWorkers;
import io.feedbackloop.kit.tracing.EventTracing;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.OutgoingMessage;
import io.feedbackloop.notifier.repository.FollowUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Sends due messages in three steps: claim one (row lock with {@code SKIP LOCKED}, so replicas
 * share the queue) and check it may go out now (consent, quiet hours, cap); hand it to the
 * channel's provider outside any transaction, carrying its idempotency key; record the outcome
 * with its {@code followup.sent.v1} / {@code followup.failed.v1} event. A provider error is
 * retried with exponential backoff; a permanent one fails at once. If the process dies between
 * sending and recording, the lease expires and the message is handed over again with the same
 * key, which the provider uses to drop the repeat.
 */
@ApplicationScoped
public class FollowUpDispatcher {

    private static final Logger LOG = Logger.getLogger(FollowUpDispatcher.class);

    @Inject
    FollowUpConfig config;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    MessageComposer composer;

    @Inject
    DeliveryPolicy policy;

    @Inject
    CustomerPreferences preferences;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    @Inject
    FollowUpService followUps;

    @Inject
    FollowUpEvents events;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

    @Inject
    PollingWorkers workers;

    private PollingWorker worker;

    void start(@Observes StartupEvent startup) {
        worker = workers.start(PollingWorkers.Schedule.of("followup-dispatcher", config.dispatch().pollInterval())
                .withThreads(config.dispatch().workers()), this::dispatchNext);
    }

    /** Wakes the dispatcher once the caller's transaction, which queued a follow-up, commits. */
    public void wakeUpAfterCommit() {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** What the claim step hands to the send step: the message, written, with where it goes. */
    private record Claimed(UUID id, String channel, OutgoingMessage message, String traceParent) {
    }

    /** @return true if a message was due (another may be) */
    boolean dispatchNext() {
        Object claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
        if (claimed == null) {
            return false;
        }
        if (!(claimed instanceof Claimed message)) {
            return true;   // waited or suppressed in the claim transaction
        }
        // the provider is called outside any transaction: a slow provider holds no lock and no
        // connection, and a failed commit afterwards cannot make us believe the send failed
        String providerId = null;
        ProviderException failure = null;
        try {
            providerId = sender(message.channel()).send(message.message());
        } catch (ProviderException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new ProviderException(e.getClass().getSimpleName() + ": " + e.getMessage(), false, null);
        }
        String acceptedAs = providerId;
        ProviderException outcome = failure;
        // the outcome's event continues the trace of the event that owed the message
        tracing.continueTrace(message.traceParent(), "followup " + message.channel() + " send", () ->
                QuarkusTransaction.requiringNew().run(() -> record(message, acceptedAs, outcome)));
        return true;
    }

    /** Takes the next due message (queued, or stuck in sending past its lease) and decides what to do with it. */
    private Object claimDue() {
        Instant now = clock.instant();
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
            LOG.warnf("follow-up %s was being sent when its sender stopped; handing it over again with the same key",
                    followUp.id);
        }
        DeliveryPolicy.Decision decision = policy.decide(followUp, now);
        if (decision instanceof DeliveryPolicy.Wait wait) {
            followUp.status = FollowUp.QUEUED;
            followUp.nextAttemptAt = wait.until();
            followUp.statusReason = wait.reason();
            return Boolean.TRUE;
        }
        if (decision instanceof DeliveryPolicy.Suppress suppress) {
            followUps.suppress(followUp, suppress.reason());
            return Boolean.TRUE;
        }
        OutgoingMessage message;
        try {
            message = write(followUp);
        } catch (RuntimeException e) {
            // a missing template or one that reads data the message lacks: no retry can fix it
            followUp.attempts++;
            fail(followUp, truncate(ProviderReplies.withoutAddresses("cannot write the message: " + e.getMessage(),
                    followUp)), now);
            return Boolean.TRUE;
        }
        followUp.attempts++;
        followUp.status = FollowUp.SENDING;
        followUp.statusReason = null;
        followUp.nextAttemptAt = now.plus(config.dispatch().sendingLease());
        followUp.subject = message.subject();
        followUp.body = message.text();
        return new Claimed(followUp.id, followUp.channel, message, followUp.traceParent);
    }

    private OutgoingMessage write(FollowUp f) {
        String contactChannel = f.isCustomerFacing() ? f.channel : null;
        String unsubscribe = contactChannel != null && f.customerId != null
                ? unsubscribeLinks.url(f.customerId, contactChannel, f.locale) : null;
        MessageComposer.ComposedMessage composed = composer.compose(new MessageComposer.Content(f.kind, f.channel,
                f.locale, f.customerName, f.quote, f.ownerTeam, f.respondBy, preferences.zoneOf(f.customerId, f.locale),
                f.details, unsubscribe));
        String to = switch (f.channel) {
            case ChannelChooser.SMS -> f.phone;
            default -> f.recipient;
        };
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("feedbackId", f.feedbackId);
        metadata.put("caseId", f.caseId);
        metadata.put("referenceId", f.referenceId);
        metadata.put("customer", Map.of("id", String.valueOf(f.customerId), "locale", composed.locale()));
        metadata.put("details", f.details);
        return new OutgoingMessage(f.id, f.kind, to, composed.subject(), composed.text(), composed.html(), unsubscribe,
                metadata);
    }

    private ChannelSender sender(String channel) {
        for (ChannelSender sender : senders) {
            if (sender.channel().equals(channel)) {
                return sender;
            }
        }
        throw new ProviderException("no sender for channel " + channel, true, null);
    }

    private void record(Claimed claimed, String providerId, ProviderException failure) {
        FollowUp followUp = FollowUp.findById(claimed.id());
        Instant now = clock.instant();
        if (!FollowUp.SENDING.equals(followUp.status)) {
            // the gateway's delivery receipt got here first and recorded the outcome
            if (failure == null && followUp.providerMessageId == null) {
                followUp.providerMessageId = providerId;
            }
            return;
        }
        if (failure == null) {
            followUp.status = FollowUp.SENT;
            followUp.sentAt = now;
            followUp.statusReason = null;
            followUp.providerMessageId = providerId;
            events.sent(followUp);
            return;
        }
        String reason = truncate(ProviderReplies.withoutAddresses(failure.getMessage(), followUp));
        if (failure.permanent() || followUp.attempts >= config.dispatch().maxAttempts()) {
            fail(followUp, reason, now);
            return;
        }
        Duration backoff = config.dispatch().initialBackoff().multipliedBy(1L << Math.min(followUp.attempts - 1, 16));
        if (backoff.compareTo(config.dispatch().maxBackoff()) > 0) {
            backoff = config.dispatch().maxBackoff();
        }
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(backoff) > 0) {
            backoff = failure.retryAfter();
        }
        followUp.status = FollowUp.QUEUED;
        followUp.statusReason = reason;
        followUp.nextAttemptAt = now.plus(backoff);
        LOG.warnf("follow-up %s not sent (attempt %d), next try at %s: %s", followUp.id, followUp.attempts,
                followUp.nextAttemptAt, reason);
    }

    private void fail(FollowUp followUp, String reason, Instant now) {
        followUp.status = FollowUp.FAILED;
        followUp.statusReason = reason;
        followUp.failedAt = now;
        events.failed(followUp, FollowUpEvents.FAILED);
        LOG.errorf("follow-up %s failed for good after %d attempts: %s", followUp.id, followUp.attempts, reason);
    }

    private static String truncate(String value) {
        if (value == null) {
            return "unknown error";
        }
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }
}
