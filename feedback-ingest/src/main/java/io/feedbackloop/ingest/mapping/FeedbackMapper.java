package io.feedbackloop.ingest.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.ingest.messaging.FeedbackReceivedEvent;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.LoopStage;
import io.feedbackloop.ingest.repository.LoopStep;
import io.feedbackloop.ingest.rest.CustomerRef;
import io.feedbackloop.ingest.rest.FeedbackView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Converts the stored feedback into what the API shows and what the event carries. */
@ApplicationScoped
public class FeedbackMapper {

    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public FeedbackView toView(Feedback f, List<FeedbackScore> scores, List<LoopStep> steps) {
        return new FeedbackView(f.id, customer(f), f.channel, f.npsScore,
                scores.stream().map(s -> new FeedbackView.Score(s.metric, s.value, s.scaleMin, s.scaleMax)).toList(),
                f.text, f.language, f.touchpoint, f.journeyStage, f.externalId, f.invitationId, f.respondedAt,
                f.receivedAt, f.commentedAt, metadata(f.metadata),
                new FeedbackView.LoopStatus(wire(f.loopStage),
                        steps.stream().map(s -> new FeedbackView.Step(wire(s.stage), s.occurredAt, s.detail)).toList()));
    }

    public FeedbackReceivedEvent toEvent(Feedback f, List<FeedbackScore> scores) {
        return new FeedbackReceivedEvent(f.id, f.receivedAt, f.respondedAt, f.channel,
                new FeedbackReceivedEvent.Customer(f.customerId, f.customerEmail, f.customerPhone, f.customerName,
                        f.customerSegment, f.customerLocale),
                f.npsScore,
                scores.stream().map(s -> new FeedbackReceivedEvent.Score(s.metric, s.value, s.scaleMin, s.scaleMax)).toList(),
                f.text, f.language, f.touchpoint, f.journeyStage, f.externalId, f.invitationId, metadata(f.metadata));
    }

    public String metadataJson(Map<String, Object> metadata) {
        try {
            return metadata == null || metadata.isEmpty() ? null : json.writeValueAsString(metadata);
        } catch (Exception e) {
            throw new IllegalArgumentException("metadata is not serialisable", e);
        }
    }

    private Map<String, Object> metadata(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, METADATA);
        } catch (Exception e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }

    private static CustomerRef customer(Feedback f) {
        return new CustomerRef(f.customerId, f.customerEmail, f.customerPhone, f.customerName, f.customerSegment,
                f.customerLocale);
    }

    private static String wire(LoopStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
