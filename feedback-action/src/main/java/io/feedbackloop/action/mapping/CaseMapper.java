package io.feedbackloop.action.mapping;

import java.time.Duration;
import java.time.Instant;

import io.feedbackloop.action.messaging.ActionOpenedEvent;
import io.feedbackloop.action.messaging.CategorizedFeedback;
import io.feedbackloop.action.repository.SupportCase;
import io.feedbackloop.action.rest.CaseView;

public final class CaseMapper {

    private CaseMapper() {
    }

    public static void copyFeedback(CategorizedFeedback from, SupportCase to) {
        to.feedbackId = from.feedbackId();
        to.channel = from.channel();
        to.customerId = from.customer().id();
        to.customerEmail = from.customer().email();
        to.customerName = from.customer().name();
        to.customerLocale = from.customer().locale();
        to.npsScore = from.npsScore();
        to.text = from.text();
    }

    public static ActionOpenedEvent toOpenedEvent(SupportCase c) {
        return new ActionOpenedEvent(c.id, c.feedbackId, c.openedAt, c.priority, c.reason, c.ownerTeam,
                c.firstResponseDueAt, c.channel,
                new ActionOpenedEvent.Customer(c.customerId, c.customerEmail, c.customerName, c.customerLocale),
                c.npsScore, c.text);
    }

    public static CaseView toView(SupportCase c, Instant now) {
        Long dueIn = c.firstResponseAt != null ? null : Duration.between(now, c.firstResponseDueAt).toSeconds();
        return new CaseView(c.id, c.feedbackId, c.status, c.priority, c.reason, c.ownerTeam, c.channel, c.customerId,
                c.npsScore, c.text, c.openedAt, c.firstResponseDueAt, c.firstResponseAt, dueIn);
    }
}
