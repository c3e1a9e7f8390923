package io.feedbackloop.action.teams.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A team as an administrator or lead sets it up: who it is and when it works.
 *
 * @param id        a slug; on PUT it may be left out (the path names the team)
 * @param timeZone  IANA zone, e.g. Europe/Berlin
 * @param workDays  MON, TUE, WED, THU, FRI, SAT, SUN
 * @param workStart local time "09:00"
 * @param workEnd   local time "18:00", after workStart
 * @param holidays  local dates without working hours
 * @param fallback  owns the cases no routing rule matched (only one team does)
 */
public record TeamRequest(
        @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull @Size(min = 1, max = 7) List<@NotNull @Pattern(regexp = "MON|TUE|WED|THU|FRI|SAT|SUN",
                message = "must be MON, TUE, WED, THU, FRI, SAT or SUN") String> workDays,
        @NotNull @Pattern(regexp = HH_MM, message = "must be a time such as 09:00") String workStart,
        @NotNull @Pattern(regexp = HH_MM, message = "must be a time such as 18:00") String workEnd,
        List<@NotNull LocalDate> holidays,
        Boolean fallback) {

    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
}
