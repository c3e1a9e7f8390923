package io.feedbackloop.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.feedbackloop.action.teams.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** Working time as SLA deadlines count it, checked against dates worked out by hand. */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar BERLIN_OFFICE = new BusinessCalendar(BERLIN,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void timeWithinTheWorkingDayIsPlainTime() {
        assertEquals(berlin("2026-11-23T12:30"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-23T10:00"),
                Duration.ofMinutes(150)));
    }

    @Test
    void aDeadlineMayFallExactlyOnClosingTime() {
        assertEquals(berlin("2026-11-23T18:00"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-23T17:00"),
                Duration.ofHours(1)));
        // one second more is the next morning
        assertEquals(berlin("2026-11-24T09:00:01"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-23T17:00"),
                Duration.ofSeconds(3601)));
    }

    @Test
    void feedbackArrivingAtNightCountsFromTheNextOpening() {
        assertEquals(berlin("2026-11-24T10:00"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-23T23:00"),
                Duration.ofHours(1)));
        assertEquals(berlin("2026-11-23T10:00"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-23T06:00"),
                Duration.ofHours(1)));
    }

    @Test
    void weekendsAndHolidaysAreSkipped() {
        // Friday 16:00 + 4 h: 2 h on Friday, 2 h on Monday
        assertEquals(berlin("2026-11-30T11:00"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-11-27T16:00"),
                Duration.ofHours(4)));
        // Wednesday 23 Dec 17:00 + 2 h: 1 h, then Christmas Eve, Christmas Day and the weekend, then Monday 28th
        assertEquals(berlin("2026-12-28T10:00"), BERLIN_OFFICE.plusWorkingTime(berlin("2026-12-23T17:00"),
                Duration.ofHours(2)));
    }

    @Test
    void workingHoursStayLocalAcrossTheChangeToSummerTime() {
        // 2027-03-28 is the Sunday clocks go forward in Berlin: Friday 17:00 CET + 2 h is Monday 10:00 CEST,
        // 64 hours of elapsed time, not 65
        Instant due = BERLIN_OFFICE.plusWorkingTime(berlin("2027-03-26T17:00"), Duration.ofHours(2));
        assertEquals(berlin("2027-03-29T10:00"), due);
        assertEquals(Duration.ofHours(64), Duration.between(berlin("2027-03-26T17:00"), due));
    }

    @Test
    void aTimeZoneMovesTheWorkingDay() {
        BusinessCalendar tokyo = new BusinessCalendar(ZoneId.of("Asia/Tokyo"), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());
        // 08:00 UTC is 17:00 in Tokyo: one hour left that day, the second from 09:00 Tokyo (00:00 UTC)
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), tokyo.plusWorkingTime(Instant.parse("2026-11-23T08:00:00Z"),
                Duration.ofHours(2)));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsAnError() {
        BusinessCalendar never = new BusinessCalendar(BERLIN, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of());
        assertThrows(IllegalStateException.class, () -> never.plusWorkingTime(Instant.now(), Duration.ofHours(1)));
    }
}
