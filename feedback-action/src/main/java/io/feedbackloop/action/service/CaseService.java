package io.feedbackloop.action.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.mapping.CaseMapper;
import io.feedbackloop.action.messaging.ActionOpenedEvent;
import io.feedbackloop.action.messaging.CategorizedFeedback;
import io.feedbackloop.action.messaging.FollowUpSent;
import io.feedbackloop.action.repository.SupportCase;
import io.feedbackloop.action.rest.CaseView;
import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens a case for feedback that needs a person and tracks the promise of a first response. */
@ApplicationScoped
@Transactional
public class CaseService {

    /** Score at or below which a detractor's case is urgent. */
    private static final int HIGH_PRIORITY_MAX_SCORE = 3;

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "case.first-response-sla", defaultValue = "PT24H")
    Duration firstResponseSla;

    @ConfigProperty(name = "case.default-team", defaultValue = "customer-care")
    String defaultTeam;

    /**
     * Opens a case for an NPS detractor. Idempotent per feedback: the unique feedback id means a
     * resent event finds the existing case and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCategorized(CategorizedFeedback feedback) {
        if (!"detractor".equals(feedback.npsClass()) || SupportCase.forFeedback(feedback.feedbackId()) != null) {
            return;
        }
        Instant now = Instant.now();
        SupportCase supportCase = new SupportCase();
        supportCase.id = UUID.randomUUID();
        CaseMapper.copyFeedback(feedback, supportCase);
        supportCase.status = "open";
        supportCase.priority = feedback.npsScore() != null && feedback.npsScore() <= HIGH_PRIORITY_MAX_SCORE
                ? "high" : "normal";
        supportCase.reason = "nps-detractor";
        supportCase.ownerTeam = defaultTeam;
        supportCase.openedAt = now;
        supportCase.firstResponseDueAt = now.plus(firstResponseSla);
        supportCase.updatedAt = now;
        supportCase.persist();
        outbox.publish(ActionOpenedEvent.TOPIC, ActionOpenedEvent.TYPE, feedback.feedbackId().toString(),
                CaseMapper.toOpenedEvent(supportCase));
        registry.counter("cases.opened", "priority", supportCase.priority).increment();
    }

    /** The customer heard from us: the first-response promise is kept (or late) as of that moment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFollowUpSent(FollowUpSent followUp) {
        SupportCase supportCase = followUp.caseId() != null ? SupportCase.findById(followUp.caseId())
                : SupportCase.forFeedback(followUp.feedbackId());
        if (supportCase == null || supportCase.firstResponseAt != null) {
            return;
        }
        supportCase.firstResponseAt = followUp.sentAt() != null ? followUp.sentAt() : Instant.now();
        supportCase.updatedAt = Instant.now();
    }

    public CaseView find(UUID id) {
        SupportCase supportCase = SupportCase.findById(id);
        if (supportCase == null) {
            throw ProblemException.notFound("case", id);
        }
        return CaseMapper.toView(supportCase, Instant.now());
    }

    public List<CaseView> forFeedback(UUID feedbackId) {
        Instant now = Instant.now();
        return SupportCase.<SupportCase>list("feedbackId", feedbackId).stream().map(c -> CaseMapper.toView(c, now))
                .toList();
    }
}
