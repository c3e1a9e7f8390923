package io.feedbackloop.ingest.api;

import io.feedbackloop.ingest.model.Metric;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer to a scored question. */
@ScoreOnScale
public record ScoreInput(
        @Schema(description = "nps (0-10), csat (1-5) or ces (1-7)", examples = "csat") @NotNull Metric metric,
        @Schema(examples = "4") @NotNull Integer value,
        @Schema(description = "Optional; if given it must be the metric's scale", examples = "1-5") String scale) {
}
