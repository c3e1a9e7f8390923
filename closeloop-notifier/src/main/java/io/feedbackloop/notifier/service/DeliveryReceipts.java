package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.util.UUID;

import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.notifier.repository.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Delivery receipts: a sent message was delivered, or the network could not deliver it after all. */
@ApplicationScoped
@Transactional
public class DeliveryReceipts {

    @Inject
    FollowUpEvents events;

    @Inject
    Clock clock;

    public FollowUp record(UUID followUpId, String status, String error) {
        FollowUp f = FollowUp.findById(followUpId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.notFound("follow-up", followUpId);
        }
        // a receipt may arrive before we recorded the send (the gateway is fast, we crashed): it
        // still counts; a repeated receipt changes nothing
        boolean handedOver = FollowUp.SENT.equals(f.status) || FollowUp.SENDING.equals(f.status);
        if ("delivered".equals(status) && handedOver) {
            if (f.sentAt == null) {
                f.sentAt = clock.instant();
                events.sent(f);
            }
            f.status = FollowUp.DELIVERED;
            f.deliveredAt = clock.instant();
        } else if ("failed".equals(status) && handedOver) {
            f.status = FollowUp.FAILED;
            f.failedAt = clock.instant();
            // the gateway's words may name the number; once the customer is erased we cannot even redact it
            f.statusReason = "undeliverable: " + (error == null || error.isBlank() || f.erasedAt != null
                    ? "reported by the gateway" : ProviderReplies.withoutAddresses(error, f));
            events.failed(f, FollowUpEvents.UNDELIVERED);
        }
        return f;
    }
}
