package io.feedbackloop.categorize.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the metrics of a slice come to, unrounded: the statistics of {@link ScoreStatistics} per
 * group, per time bucket and per theme. How they are rounded and labelled is the API's business.
 */
public final class MetricsResults {

    private MetricsResults() {
    }

    /**
     * The metrics of a set of feedback. {@code responses} counts every feedback; each metric counts
     * the feedback that carry its score.
     *
     * @param ces one entry per CES scale present, ordered by scale
     */
    public record Metrics(long responses, ScoreStatistics.Nps nps, Csat csat, List<Ces> ces) {
    }

    /**
     * @param topBox    answers at the top of their scale
     * @param topTwoBox answers at its two top values (the "CSAT %")
     */
    public record Csat(ScoreStatistics.Proportion topBox, ScoreStatistics.Proportion topTwoBox) {
    }

    /**
     * Customer effort on one scale.
     *
     * @param agree answers above the scale's midpoint
     */
    public record Ces(int scaleMin, int scaleMax, ScoreStatistics.Mean mean, ScoreStatistics.Proportion agree) {

        /** The mean's interval within the scale: the mean of answers on it cannot leave it. */
        public ScoreStatistics.Interval meanCi95() {
            ScoreStatistics.Interval ci = mean.ci95();
            return ci == null ? null
                    : new ScoreStatistics.Interval(Math.max(scaleMin, ci.low()), Math.min(scaleMax, ci.high()));
        }
    }

    /** The metrics of one value of a dimension; value null: feedback without one. */
    public record Group(String value, Metrics metrics) {
    }

    /** One time bucket starting on {@code bucket} in the slice's zone; {@code end} exclusive. */
    public record TrendPoint(LocalDate bucket, Instant start, Instant end, Metrics metrics) {
    }

    /** The trend of one value of a dimension (value null: none). */
    public record TrendSeries(String value, List<TrendPoint> points) {
    }

    /** Either {@code points} (not split) or one series per dimension value, each over the same buckets. */
    public record Trend(List<TrendPoint> points, List<TrendSeries> series) {
    }

    /**
     * One theme (or theme group).
     *
     * @param sharePercent responses / all feedback in the slice; null for an empty slice
     * @param npsImpact    100 × detractors with the theme / NPS answers in the slice; null without NPS answers
     */
    public record ThemeStat(String theme, long responses, Double sharePercent, ScoreStatistics.Nps nps,
                            Double npsImpact) {
    }

    /** The slice's own totals and its top themes. */
    public record TopThemes(long responses, ScoreStatistics.Nps nps, List<ThemeStat> themes) {
    }
}
