package io.feedbackloop.action.teams.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record TeamView(String id, String name, String timeZone, List<String> workDays, String workStart,
                       String workEnd, List<LocalDate> holidays, boolean fallback, Instant createdAt) {
}
