package io.feedbackloop.categorize.metrics.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.feedbackloop.categorize.metrics.MetricsSlice;
import io.feedbackloop.kit.problem.Problem;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The slice filters every metrics endpoint takes, as a client spells them. */
public class SliceParameters {

    private static final int MAX_FILTER_LENGTH = 100;

    /** The zone when none is asked for. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    @QueryParam("from")
    @Parameter(description = "Start of the slice, included: an ISO instant (2026-11-01T00:00:00Z) or a date "
            + "(2026-11-01, its start in tz). Compared with the customer's answer time.", example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "End of the slice, excluded: [from, to). A date means its start, so "
            + "to=2026-12-01 ends with November.", example = "2026-12-01")
    public String to;

    @QueryParam("channel")
    @Parameter(description = "Only this channel", example = "web")
    public String channel;

    @QueryParam("touchpoint")
    @Parameter(description = "Only this touchpoint", example = "checkout")
    public String touchpoint;

    @QueryParam("journeyStage")
    @Parameter(description = "Only this journey stage", example = "purchase")
    public String journeyStage;

    @QueryParam("segment")
    @Parameter(description = "Only this customer segment", example = "consumer")
    public String segment;

    @QueryParam("theme")
    @Parameter(description = "Only feedback with this theme or a theme below it (delivery matches delivery, "
            + "delivery/late, ...)", example = "delivery")
    public String theme;

    @QueryParam("tz")
    @Parameter(description = "IANA time zone for bare dates in from/to and for trend buckets; default UTC",
            example = "Europe/Moscow")
    public String tz;

    /**
     * The slice the parameters ask for, adding one violation per bad parameter (so a client learns
     * about all of them at once). Blank filters count as not given.
     *
     * @return the slice, or null when a parameter was invalid
     */
    MetricsSlice toSlice(List<Problem.Violation> violations) {
        int before = violations.size();
        ZoneId zone = zone(tz, violations);
        ZoneId dateZone = zone != null ? zone : UTC;
        Instant start = instant("from", from, dateZone, violations);
        Instant end = instant("to", to, dateZone, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new Problem.Violation("to", "after-from", "must be later than from (the slice is [from, to))"));
        }
        MetricsSlice slice = new MetricsSlice(start, end, filter("channel", channel, violations),
                filter("touchpoint", touchpoint, violations), filter("journeyStage", journeyStage, violations),
                filter("segment", segment, violations), filter("theme", theme, violations), zone);
        return violations.size() == before ? slice : null;
    }

    /** An IANA region id (Europe/Moscow, UTC). Offsets such as +03:00 are refused: PostgreSQL reads their sign the other way round. */
    private static ZoneId zone(String tz, List<Problem.Violation> violations) {
        if (tz == null || tz.isBlank()) {
            return UTC;
        }
        if (ZoneId.getAvailableZoneIds().contains(tz.strip())) {
            return ZoneId.of(tz.strip());
        }
        violations.add(new Problem.Violation("tz", "time-zone", "must be an IANA time zone such as UTC or Europe/Moscow"));
        return null;
    }

    /**
     * An instant with an offset (2026-11-23T09:00:00Z), a local date-time or a date (its start) in the zone;
     * null when not given, or (with a violation naming the parameter) when unreadable. The categorization
     * search reads its from and to with it too, so both APIs take the same times.
     */
    public static Instant instant(String name, String value, ZoneId zone, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            // try the forms below
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notADate) {
            violations.add(new Problem.Violation(name, "date-time",
                    "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z or a date such as 2026-11-23"));
            return null;
        }
    }

    private static String filter(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            violations.add(new Problem.Violation(name, "max-length", "must be at most " + MAX_FILTER_LENGTH + " characters"));
            return null;
        }
        return value.strip();
    }
}
