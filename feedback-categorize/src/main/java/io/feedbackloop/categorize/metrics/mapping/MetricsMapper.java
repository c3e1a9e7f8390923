package io.feedbackloop.categorize.metrics.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.feedbackloop.categorize.metrics.MetricsResults;
import io.feedbackloop.categorize.metrics.MetricsSlice;
import io.feedbackloop.categorize.metrics.ScoreStatistics;
import io.feedbackloop.categorize.metrics.api.MetricsViews;

/**
 * Metrics as the API shows them: scores and percentages rounded to one decimal, CES means and
 * their intervals to two, and feedback without a dimension value labelled "(none)".
 */
public final class MetricsMapper {

    private static final String NONE = "(none)";

    private MetricsMapper() {
    }

    public static MetricsViews.Summary toSummary(MetricsSlice slice, MetricsResults.Metrics metrics) {
        return new MetricsViews.Summary(toView(slice), toView(metrics));
    }

    public static MetricsViews.Breakdown toBreakdown(MetricsSlice slice, MetricsSlice.Dimension by,
                                                     List<MetricsResults.Group> groups) {
        return new MetricsViews.Breakdown(toView(slice), by.param(), groups.stream()
                .map(g -> new MetricsViews.Group(g.value(), label(g.value()), toView(g.metrics()))).toList());
    }

    /** @param by null: the trend is not split */
    public static MetricsViews.Trend toTrend(MetricsSlice slice, MetricsSlice.Bucket bucket, MetricsSlice.Dimension by,
                                             MetricsResults.Trend trend) {
        return new MetricsViews.Trend(toView(slice), bucket.param(), slice.zone().getId(), by == null ? null : by.param(),
                trend.points() == null ? null : toView(trend.points()),
                trend.series() == null ? null : trend.series().stream()
                        .map(s -> new MetricsViews.TrendSeries(s.value(), label(s.value()), toView(s.points()))).toList());
    }

    public static MetricsViews.TopThemes toTopThemes(MetricsSlice slice, MetricsSlice.ThemeLevel level,
                                                     MetricsSlice.ThemeOrder order, MetricsResults.TopThemes top) {
        return new MetricsViews.TopThemes(toView(slice), level.param(), order.param(), top.responses(), toView(top.nps()),
                top.themes().stream().map(t -> new MetricsViews.ThemeStat(t.theme(), t.responses(),
                        round(t.sharePercent(), 1), toView(t.nps()), round(t.npsImpact(), 1))).toList());
    }

    private static MetricsViews.Slice toView(MetricsSlice slice) {
        return new MetricsViews.Slice(slice.from(), slice.to(), slice.zone().getId(), slice.channel(), slice.touchpoint(),
                slice.journeyStage(), slice.segment(), slice.theme());
    }

    private static MetricsViews.Metrics toView(MetricsResults.Metrics metrics) {
        return new MetricsViews.Metrics(metrics.responses(), toView(metrics.nps()), toView(metrics.csat()),
                metrics.ces().stream().map(MetricsMapper::toView).toList());
    }

    private static MetricsViews.Nps toView(ScoreStatistics.Nps nps) {
        return new MetricsViews.Nps(nps.responses(), nps.promoters(), nps.passives(), nps.detractors(),
                round(nps.score(), 1), toView(nps.ci95(), 1));
    }

    private static MetricsViews.Csat toView(MetricsResults.Csat csat) {
        ScoreStatistics.Proportion topBox = csat.topBox();
        ScoreStatistics.Proportion topTwoBox = csat.topTwoBox();
        return new MetricsViews.Csat(topTwoBox.n(), topBox.successes(), topTwoBox.successes(),
                round(topBox.percent(), 1), round(topTwoBox.percent(), 1), toView(topTwoBox.ci95(), 1));
    }

    private static MetricsViews.Ces toView(MetricsResults.Ces ces) {
        ScoreStatistics.Proportion agree = ces.agree();
        return new MetricsViews.Ces(ces.scaleMin(), ces.scaleMax(), ces.mean().n(), round(ces.mean().mean(), 2),
                toView(ces.meanCi95(), 2), agree.successes(), round(agree.percent(), 1), toView(agree.ci95(), 1));
    }

    private static List<MetricsViews.TrendPoint> toView(List<MetricsResults.TrendPoint> points) {
        return points.stream()
                .map(p -> new MetricsViews.TrendPoint(p.bucket(), p.start(), p.end(), toView(p.metrics()))).toList();
    }

    private static MetricsViews.Interval toView(ScoreStatistics.Interval interval, int decimals) {
        return interval == null ? null
                : new MetricsViews.Interval(round(interval.low(), decimals), round(interval.high(), decimals));
    }

    private static String label(String value) {
        return value == null ? NONE : value;
    }

    /** Rounded half up to the given decimals, keeping them (40.0, not 40); null stays null. */
    private static BigDecimal round(Double value, int decimals) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
