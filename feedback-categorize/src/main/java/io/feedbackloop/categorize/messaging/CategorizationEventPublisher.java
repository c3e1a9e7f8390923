package io.feedbackloop.categorize.messaging;

import io.feedbackloop.categorize.events.FeedbackCategorizedEvent;
import io.feedbackloop.categorize.mapping.CategorizationMapper;
import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;
import io.feedbackloop.categorize.service.CategorizationAnnouncer;
import io.feedbackloop.kit.messaging.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Announces categorizations as {@code feedback.categorized.v1} and {@code feedback.recategorized.v1}, through the outbox. */
@ApplicationScoped
public class CategorizationEventPublisher implements CategorizationAnnouncer {

    @Inject
    EventOutbox outbox;

    @Override
    public void categorized(Categorization categorization) {
        outbox.publish(FeedbackCategorizedEvent.TOPIC, FeedbackCategorizedEvent.TYPE,
                categorization.feedbackId.toString(), CategorizationMapper.toEvent(categorization, null));
    }

    @Override
    public void recategorized(Categorization categorization, CategorizationChange change) {
        outbox.publish(FeedbackCategorizedEvent.RECATEGORIZED_TOPIC, FeedbackCategorizedEvent.RECATEGORIZED_TYPE,
                categorization.feedbackId.toString(), CategorizationMapper.toEvent(categorization, change));
    }
}
