package io.feedbackloop.categorize.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Which feedback a metric is computed over: responses given in [from, to) (by the customer's answer
 * time, {@code responded_at}), optionally narrowed to one channel, touchpoint, journey stage,
 * customer segment and theme. A theme filter matches the theme and everything below it:
 * {@code delivery} matches {@code delivery}, {@code delivery/late}, {@code delivery/damaged}.
 *
 * @param zone where trend buckets begin (days, weeks and months are local)
 */
public record MetricsSlice(Instant from, Instant to, String channel, String touchpoint, String journeyStage,
                           String segment, String theme, ZoneId zone) {

    /** One of a fixed set of options, with the name requests and answers spell it by. */
    public interface Choice {
        String param();
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
