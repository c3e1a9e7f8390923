package io.feedbackloop.action.sla.api;

import java.time.Instant;

public record SlaPolicyView(String priority, int firstResponseMinutes, int resolutionMinutes, boolean businessHours,
                            Instant updatedAt) {
}
