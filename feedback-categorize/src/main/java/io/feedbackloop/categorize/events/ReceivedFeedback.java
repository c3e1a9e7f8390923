package io.feedbackloop.categorize.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** This service's reading of {@code feedback.received.v1} (published by feedback-ingest). */
public record ReceivedFeedback(@NotNull UUID feedbackId, Instant receivedAt, Instant respondedAt, String channel,
                               @NotNull @Valid Customer customer, @Min(0) @Max(10) Integer npsScore,
                               List<@Valid Score> scores, String text, String language, String touchpoint,
                               String journeyStage) {

    /**
     * Who gave the feedback, as far as categorizing needs it. A record published before contact data
     * moved to {@code customer.contact.v1} may still carry {@code email}, {@code phone} and
     * {@code name}: they are not read (unknown fields are ignored), so they are never stored or sent on.
     */
    public record Customer(@NotBlank String id, String segment, String locale) {
    }

    public record Score(@NotNull @Pattern(regexp = "nps|csat|ces") String metric, int value, int scaleMin,
                        int scaleMax) {
    }

    /** The scores, including a bare {@code npsScore} from a producer that does not send {@code scores}. */
    public List<Score> allScores() {
        if (scores != null && !scores.isEmpty()) {
            return scores;
        }
        return npsScore == null ? List.of() : List.of(new Score("nps", npsScore, 0, 10));
    }
}
