package io.feedbackloop.action.sla.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Target times of one priority.
 *
 * @param businessHours count only the owner team's working time (its calendar, time zone and holidays)
 */
public record SlaPolicyRequest(@NotNull @Min(1) @Max(525_600) Integer firstResponseMinutes,
                               @NotNull @Min(1) @Max(525_600) Integer resolutionMinutes,
                               @NotNull Boolean businessHours) {
}
