package io.feedbackloop.categorize.metrics;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.feedbackloop.kit.problem.Problem;

/**
 * Which feedback a metric is computed over: responses given in [from, to) (by the customer's answer
 * time, {@code responded_at}), optionally narrowed to one channel, touchpoint, journey stage,
 * customer segment and theme. A theme filter matches the theme and everything below it:
 * {@code delivery} matches {@code delivery}, {@code delivery/late}, {@code delivery/damaged}.
 *
 * @param zone decides what a bare date in from/to means and where trend buckets begin
 */
public record MetricsSlice(Instant from, Instant to, String channel, String touchpoint, String journeyStage,
                           String segment, String theme, ZoneId zone) {

    static final int MAX_FILTER_LENGTH = 100;

    /** The zone when none is asked for. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /**
     * Reads the query parameters as a client sent them, adding one violation per bad parameter
     * (so a client learns about all of them at once). Blank filters count as not given.
     *
     * @return the slice, or null when a parameter was invalid
     */
    public static MetricsSlice parse(String from, String to, String channel, String touchpoint, String journeyStage,
                                     String segment, String theme, String tz, List<Problem.Violation> violations) {
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
    static ZoneId zone(String tz, List<Problem.Violation> violations) {
        if (tz == null || tz.isBlank()) {
            return UTC;
        }
        if (ZoneId.getAvailableZoneIds().contains(tz.strip())) {
            return ZoneId.of(tz.strip());
        }
        violations.add(new Problem.Violation("tz", "time-zone", "must be an IANA time zone such as UTC or Europe/Moscow"));
        return null;
    }

    /** An instant with an offset (2026-11-23T09:00:00Z), a local date-time or a date (its start) in the zone. */
    static Instant instant(String name, String value, ZoneId zone, List<Problem.Violation> violations) {
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

    /** A query parameter value with a fixed set of spellings. */
    public interface Choice {
        String param();
    }

    /**
     * The one of {@code choices} a parameter names, {@code fallback} when it is absent, or null
     * (with a violation) when it names none of them.
     */
    public static <E extends Enum<E> & Choice> E choose(String name, String value, E[] choices, E fallback,
                                                        List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                violations.add(new Problem.Violation(name, "required", "must be one of " + spellings(choices)));
            }
            return fallback;
        }
        for (E choice : choices) {
            if (choice.param().equals(value.strip())) {
                return choice;
            }
        }
        violations.add(new Problem.Violation(name, "enum", "must be one of " + spellings(choices)));
        return null;
    }

    private static String spellings(Choice[] choices) {
        return Arrays.stream(choices).map(Choice::param).collect(Collectors.joining(", ", "[", "]"));
    }

    /** What a breakdown or trend is split by. Feedback without the value is reported under null. */
    public enum Dimension implements Choice {
        CHANNEL("channel"), TOUCHPOINT("touchpoint"), JOURNEY_STAGE("journeyStage"), SEGMENT("segment"),
        /** each theme path of a feedback; a feedback with two themes counts under both */
        THEME("theme"),
        /** the first part of each theme path (delivery for delivery/late); a feedback counts once per group */
        THEME_GROUP("themeGroup");

        private final String param;

        Dimension(String param) {
            this.param = param;
        }

        @Override
        public String param() {
            return param;
        }
    }

    /** A trend's time bucket, in the slice's zone: calendar days, ISO weeks (from Monday), calendar months. */
    public enum Bucket implements Choice {
        DAY("day", ChronoUnit.DAYS), WEEK("week", ChronoUnit.WEEKS), MONTH("month", ChronoUnit.MONTHS);

        private final String param;
        private final ChronoUnit unit;

        Bucket(String param, ChronoUnit unit) {
            this.param = param;
            this.unit = unit;
        }

        @Override
        public String param() {
            return param;
        }

        /** The first day of the bucket that holds this instant, in the zone. */
        public LocalDate of(Instant instant, ZoneId zone) {
            LocalDate day = instant.atZone(zone).toLocalDate();
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        public LocalDate next(LocalDate start) {
            return start.plus(1, unit);
        }

        /** How many buckets run from the one starting at first to the one starting at last, both included. */
        public long count(LocalDate first, LocalDate last) {
            return unit.between(first, last) + 1;
        }
    }

    /** How the top themes are ranked. */
    public enum ThemeOrder implements Choice {
        /** most feedback first */
        VOLUME("volume"),
        /** most NPS points cost first: most detractors on the theme */
        NPS_IMPACT("npsImpact");

        private final String param;

        ThemeOrder(String param) {
            this.param = param;
        }

        @Override
        public String param() {
            return param;
        }
    }

    /** Whether top themes are the theme paths as assigned (leaf) or their groups (delivery for delivery/late). */
    public enum ThemeLevel implements Choice {
        LEAF("leaf"), GROUP("group");

        private final String param;

        ThemeLevel(String param) {
            this.param = param;
        }

        @Override
        public String param() {
            return param;
        }
    }
}
