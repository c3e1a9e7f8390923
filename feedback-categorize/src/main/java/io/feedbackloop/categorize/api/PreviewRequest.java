package io.feedbackloop.categorize.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A text (and scores) to categorize without storing anything: to try a taxonomy edit before replaying history. */
public record PreviewRequest(@Size(max = 5000) String text, @Size(max = 20) String language,
                             @Size(max = 3) List<@Valid @NotNull Score> scores) {

    public record Score(@NotNull @Pattern(regexp = "nps|csat|ces", message = "must be nps, csat or ces") String metric,
                        @NotNull @Min(0) @Max(10) Integer value) {
    }
}
