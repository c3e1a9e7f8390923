package io.feedbackloop.action.messaging;

import java.time.Instant;

import io.feedbackloop.action.events.ImprovementAnnouncedEvent;
import io.feedbackloop.action.improvements.ImprovementAction;
import io.feedbackloop.action.improvements.ImprovementAnnouncements;
import io.feedbackloop.kit.messaging.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes each announcement of an improvement action to the outbox, keyed by the feedback it answers. */
@ApplicationScoped
public class AnnouncementPublisher implements ImprovementAnnouncements {

    @Inject
    EventOutbox outbox;

    @Override
    public void announce(ImprovementAction action, Recipient recipient, String language, Instant announcedAt) {
        outbox.publish(ImprovementAnnouncedEvent.TOPIC, ImprovementAnnouncedEvent.TYPE,
                recipient.feedbackId().toString(),
                new ImprovementAnnouncedEvent(action.id, recipient.feedbackId(),
                        new ImprovementAnnouncedEvent.Customer(recipient.customerId(), recipient.locale()),
                        recipient.text(), recipient.respondedAt(), action.theme, action.title,
                        action.message.get(language), language, action.teamId, announcedAt));
    }
}
