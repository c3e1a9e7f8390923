package io.feedbackloop.action.teams;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team's working time: the same hours on each work day, in the team's time zone, except on
 * holidays. Counting in local time keeps a 09:00 start at 09:00 across daylight-saving changes.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workDays, LocalTime start, LocalTime end,
                               Set<LocalDate> holidays) {

    /** Beyond this many calendar days without working time the calendar is taken to have none. */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    public static BusinessCalendar of(Team team) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(team.workDays).map(BusinessCalendar::dayOf).forEach(days::add);
        return new BusinessCalendar(ZoneId.of(team.timeZone), days, team.workStart, team.workEnd,
                Arrays.stream(team.holidays).collect(Collectors.toSet()));
    }

    /** MON, TUE, ... as used in team calendars. */
    public static DayOfWeek dayOf(String abbreviation) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(abbreviation)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a day: " + abbreviation));
    }

    /** The instant when {@code workingTime} of this calendar's working time has passed after {@code from}. */
    public Instant plusWorkingTime(Instant from, Duration workingTime) {
        ZonedDateTime cursor = from.atZone(zone);
        Duration remaining = workingTime;
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkDay(date)) {
                ZonedDateTime opens = date.atTime(start).atZone(zone);
                ZonedDateTime closes = date.atTime(end).atZone(zone);
                ZonedDateTime begin = cursor.isBefore(opens) ? opens : cursor;
                if (begin.isBefore(closes)) {
                    Duration available = Duration.between(begin, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return begin.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("the calendar has no working time within " + MAX_DAYS_SEARCHED + " days");
    }

    private boolean isWorkDay(LocalDate date) {
        return workDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
