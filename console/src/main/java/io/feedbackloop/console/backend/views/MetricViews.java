package io.feedbackloop.console.backend.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** feedback-categorize's metrics and feedback-action's loop metrics, as the dashboard reads them. */
public final class MetricViews {

    private MetricViews() {
    }

    public record Interval(BigDecimal low, BigDecimal high) {
    }

    public record Nps(long responses, long promoters, long passives, long detractors, BigDecimal score, Interval ci95) {
    }

    public record Csat(long responses, long topBox, long topTwoBox, BigDecimal topBoxPercent,
                       BigDecimal topTwoBoxPercent, Interval ci95) {
    }

    public record Ces(int scaleMin, int scaleMax, long responses, BigDecimal mean, Interval ci95, long agree,
                      BigDecimal agreePercent, Interval agreeCi95) {
    }

    public record Metrics(long responses, Nps nps, Csat csat, List<Ces> ces) {
        /** The first CES scale present (the dashboard charts one scale). */
        public Ces firstCes() {
            return ces == null || ces.isEmpty() ? null : ces.get(0);
        }
    }

    public record Summary(Metrics metrics) {
    }

    public record Group(String value, String label, Metrics metrics) {
    }

    public record Breakdown(String by, List<Group> groups) {
    }

    public record TrendPoint(LocalDate bucket, Instant start, Instant end, Metrics metrics) {
    }

    public record Trend(String bucket, String tz, List<TrendPoint> points) {
    }

    public record ThemeStat(String theme, long responses, BigDecimal sharePercent, Nps nps, BigDecimal npsImpact) {
    }

    public record TopThemes(String order, long responses, Nps nps, List<ThemeStat> themes) {
    }

    public record LoopFigures(String key, long casesOpened, long casesClosed, long casesClosedWithResolution,
                              Double closedLoopRate, Double medianSecondsToFirstResponse, Double medianSecondsToClose,
                              Double firstResponseSlaMetPercent, long firstResponseSlaDecided,
                              Double resolutionSlaMetPercent, long resolutionSlaDecided) {
    }

    public record LoopMetrics(Instant from, Instant to, String team, LoopFigures total, List<LoopFigures> groups) {
    }
}
