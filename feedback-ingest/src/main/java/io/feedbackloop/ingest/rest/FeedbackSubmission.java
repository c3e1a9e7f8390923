package io.feedbackloop.ingest.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a support channel posts: a score, a comment, or both, about one customer's experience. */
public record FeedbackSubmission(
        @NotNull @Valid CustomerRef customer,
        @Schema(description = "The support channel the feedback came through")
        @NotNull Channel channel,
        @Schema(description = "Net Promoter Score answer, 0 (not at all likely) to 10 (extremely likely)", examples = "3")
        @Min(0) @Max(10) Integer npsScore,
        @Schema(description = "The customer's own words, in any language", examples = "Курьер опоздал на два дня")
        @Size(max = 5000) String text) {

    /** A feedback with neither score nor words says nothing to act on. */
    @JsonIgnore
    @AssertTrue(message = "give an npsScore, a text, or both")
    public boolean isNpsScoreOrText() {
        return npsScore != null || (text != null && !text.isBlank());
    }
}
