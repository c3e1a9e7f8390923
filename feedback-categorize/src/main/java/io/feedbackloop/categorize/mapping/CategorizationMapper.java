package io.feedbackloop.categorize.mapping;

import io.feedbackloop.categorize.messaging.FeedbackCategorizedEvent;
import io.feedbackloop.categorize.messaging.ReceivedFeedback;
import io.feedbackloop.categorize.repository.Categorization;
import io.feedbackloop.categorize.rest.CategorizationView;

public final class CategorizationMapper {

    private CategorizationMapper() {
    }

    public static void copyFeedback(ReceivedFeedback from, Categorization to) {
        to.feedbackId = from.feedbackId();
        to.receivedAt = from.receivedAt();
        to.channel = from.channel();
        to.customerId = from.customer().id();
        to.customerEmail = from.customer().email();
        to.customerName = from.customer().name();
        to.customerLocale = from.customer().locale();
        to.npsScore = from.npsScore();
        to.text = from.text();
    }

    public static FeedbackCategorizedEvent toEvent(Categorization c) {
        return new FeedbackCategorizedEvent(c.feedbackId, c.categorizedAt, c.channel,
                new FeedbackCategorizedEvent.Customer(c.customerId, c.customerEmail, c.customerName, c.customerLocale),
                c.npsScore, c.npsClass, c.text);
    }

    public static CategorizationView toView(Categorization c) {
        return new CategorizationView(c.feedbackId, c.channel, c.npsScore,
                c.npsClass == null ? null : c.npsClass.wireName(), c.text, c.categorizedAt);
    }
}
