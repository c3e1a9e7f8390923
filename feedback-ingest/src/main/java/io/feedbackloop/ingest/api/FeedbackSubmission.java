package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.feedbackloop.ingest.model.Channel;
import io.feedbackloop.ingest.model.JourneyStage;
import io.feedbackloop.ingest.model.Metric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a support channel posts: scores, a comment, or both, about one customer's experience. */
public record FeedbackSubmission(
        @NotNull @Valid CustomerRef customer,
        @Schema(description = "The support channel the feedback came through; must be the API key's channel")
        @NotNull Channel channel,
        @Schema(description = "Shorthand for a single NPS score (0-10); same as scores:[{metric:nps,value:...}]", examples = "3")
        @Min(0) @Max(10) Integer npsScore,
        @Schema(description = "Scores on explicit scales: NPS 0-10, CSAT 1-5, CES 1-7; one per metric")
        @Size(max = 3) List<@NotNull @Valid ScoreInput> scores,
        @Schema(description = "The customer's own words, in any language", examples = "Курьер опоздал на два дня")
        @Size(max = 5000) String text,
        @Schema(description = "Language of the text if the channel knows it (ISO 639-1)", examples = "ru")
        @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code such as ru or en") String language,
        @Schema(description = "What the feedback is about: the interaction or page", examples = "checkout")
        @Size(max = 100) @Pattern(regexp = "^[a-z0-9][a-z0-9._-]*$", message = "must be lower-case letters, digits, '.', '_' or '-'") String touchpoint,
        @Schema(description = "Stage of the customer journey") JourneyStage journeyStage,
        @Schema(description = "The channel's own id of this response; makes retries and re-imports safe", examples = "zendesk-884213")
        @Size(max = 100) String externalId,
        @Schema(description = "The survey invitation this answers, if any") UUID invitationId,
        @Schema(description = "When the customer answered (defaults to now); never in the future")
        @PastOrPresent Instant respondedAt,
        @Schema(description = "Free-form key/value data from the channel (at most 50 keys)")
        @Size(max = 50) Map<@Size(max = 100) String, Object> metadata) {

    /** A feedback with neither a score nor words says nothing to act on. */
    @JsonIgnore
    @AssertTrue(message = "give a score (npsScore or scores), a text, or both")
    public boolean isScoreOrText() {
        return npsScore != null || (scores != null && !scores.isEmpty()) || (text != null && !text.isBlank());
    }

    /** One answer per metric: two NPS scores in one response would count the customer twice. */
    @JsonIgnore
    @AssertTrue(message = "give at most one score per metric (npsScore counts as nps)")
    public boolean isOneScorePerMetric() {
        Set<Metric> seen = new HashSet<>();
        if (npsScore != null) {
            seen.add(Metric.NPS);
        }
        for (ScoreInput score : scores == null ? List.<ScoreInput>of() : scores) {
            if (score != null && score.metric() != null && !seen.add(score.metric())) {
                return false;
            }
        }
        return true;
    }

    /** All scores, the NPS shorthand included. */
    public Map<Metric, Integer> allScores() {
        Map<Metric, Integer> all = new java.util.EnumMap<>(Metric.class);
        if (scores != null) {
            scores.forEach(s -> all.put(s.metric(), s.value()));
        }
        if (npsScore != null) {
            all.put(Metric.NPS, npsScore);
        }
        return all;
    }
}
