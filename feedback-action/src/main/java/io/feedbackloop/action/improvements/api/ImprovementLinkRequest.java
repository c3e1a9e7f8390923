package io.feedbackloop.action.improvements.api;

import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.feedback.Themes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Feedback an improvement action answers, in one of two forms: explicit {@code feedbackIds}, or
 * every feedback with {@code theme} (a group matches its leaves: {@code delivery} matches
 * {@code delivery/late}) responded in [{@code from}, {@code to}) (ISO-8601 instants; read here so
 * that a malformed one is named). Linking the same feedback again changes nothing.
 */
public record ImprovementLinkRequest(
        @Size(min = 1, max = 1000) List<@NotNull UUID> feedbackIds,
        @Size(max = 100) @Pattern(regexp = Themes.PATH,
                message = "must be a taxonomy path such as delivery/late") String theme,
        @Schema(format = "date-time", example = "2026-11-01T00:00:00Z") String from,
        @Schema(format = "date-time", example = "2026-12-01T00:00:00Z") String to) {

    public boolean byIds() {
        return feedbackIds != null;
    }
}
