package io.feedbackloop.categorize.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's correction. Only the fields given change (and stay as corrected: a replay will not
 * touch them); priority, if not given, follows from the corrected labels. The author is the
 * signed-in person, never what the body claims.
 */
public record CorrectionRequest(
        @Pattern(regexp = "negative|neutral|positive", message = "must be negative, neutral or positive") String sentiment,
        @Pattern(regexp = "complaint|problem|idea|question|praise",
                message = "must be complaint, problem, idea, question or praise") String type,
        @Size(max = 20) List<@NotBlank String> themes,
        @Size(max = 3) List<@Pattern(regexp = "churn|legal|safety", message = "must be churn, legal or safety") String> urgency,
        @Pattern(regexp = "low|normal|high|critical", message = "must be low, normal, high or critical") String priority,
        @Schema(deprecated = true, description = "ignored: the signed-in person is recorded as the author")
        @Size(max = 100) String correctedBy,
        @Size(max = 1000) String note) {
}
