package io.feedbackloop.ingest.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment that arrives after the score, for the same response. */
public record CommentPatch(
        @Schema(examples = "The courier was two days late") @NotBlank @Size(max = 5000) String text,
        @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code such as ru or en") String language) {
}
