package io.feedbackloop.categorize.service;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.categorize.mapping.CategorizationMapper;
import io.feedbackloop.categorize.messaging.FeedbackCategorizedEvent;
import io.feedbackloop.categorize.messaging.ReceivedFeedback;
import io.feedbackloop.categorize.repository.Categorization;
import io.feedbackloop.categorize.rest.CategorizationView;
import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Gives each feedback its first categorization and announces it to the Act stage. */
@ApplicationScoped
@Transactional
public class CategorizationService {

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    /**
     * Categorizes a received feedback once. A second event for the same feedback (the producer
     * resent it under a new id) finds the stored categorization and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void categorize(ReceivedFeedback feedback) {
        if (Categorization.findById(feedback.feedbackId()) != null) {
            return;
        }
        Categorization categorization = new Categorization();
        CategorizationMapper.copyFeedback(feedback, categorization);
        categorization.npsClass = feedback.npsScore() == null ? null : NpsClass.of(feedback.npsScore());
        categorization.categorizedAt = Instant.now();
        categorization.persist();
        outbox.publish(FeedbackCategorizedEvent.TOPIC, FeedbackCategorizedEvent.TYPE, feedback.feedbackId().toString(),
                CategorizationMapper.toEvent(categorization));
        registry.counter("feedback.categorized", "nps_class",
                categorization.npsClass == null ? "unscored" : categorization.npsClass.wireName()).increment();
    }

    public CategorizationView find(UUID feedbackId) {
        Categorization categorization = Categorization.findById(feedbackId);
        if (categorization == null) {
            throw ProblemException.notFound("categorization", feedbackId);
        }
        return CategorizationMapper.toView(categorization);
    }
}
