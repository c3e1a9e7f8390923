package io.feedbackloop.categorize.metrics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of the metrics API. Scores and percentages have one decimal, CES means two; a metric
 * that cannot be computed (no answers) is an explicit null.
 *
 * <p>Rounded numbers are {@link BigDecimal}s: they keep their decimals (40.0), and Quarkus 3.37's
 * generated (reflection-free) serializers write a null BigDecimal as null, whereas they silently
 * leave out a null {@code Double} (quarkusio/quarkus#55137, fixed by #55278 in a later release).
 * {@code @JsonPropertyOrder} keeps the fields in reading order (counts before scores) instead of
 * the generated serializers' alphabetical one.
 */
public final class MetricsViews {

    private MetricsViews() {
    }

    /** The filters a result was computed with (only those given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetricsSlice", description = "The filters applied; from/to as instants, the slice is [from, to)")
    @JsonPropertyOrder({"from", "to", "tz", "channel", "touchpoint", "journeyStage", "segment", "theme"})
    public record Slice(Instant from, Instant to, String tz, String channel, String touchpoint, String journeyStage,
                        String segment, String theme) {
    }

    @Schema(name = "Interval95", description = "95 % confidence interval")
    @JsonPropertyOrder({"low", "high"})
    public record Interval(BigDecimal low, BigDecimal high) {
    }

    @Schema(name = "NpsMetric", description = "Net Promoter Score from NPS answers (0–10) only. score = %promoters − "
            + "%detractors (−100..100); ci95 = adjusted Wald (n+3, +0.75 promoter and detractor), clamped to −100..100, "
            + "centred on the adjusted score. score and ci95 are null without NPS answers.")
    @JsonPropertyOrder({"responses", "promoters", "passives", "detractors", "score", "ci95"})
    public record Nps(long responses, long promoters, long passives, long detractors, BigDecimal score, Interval ci95) {
    }

    @Schema(name = "CsatMetric", description = "Customer satisfaction. topBoxPercent = share of answers at the top of "
            + "their scale (5 on 1–5); topTwoBoxPercent = share at the top two values (4–5 on 1–5), the \"CSAT %\"; "
            + "ci95 = adjusted-Wald (Agresti–Coull) interval of topTwoBoxPercent. Percentages null without answers.")
    @JsonPropertyOrder({"responses", "topBox", "topTwoBox", "topBoxPercent", "topTwoBoxPercent", "ci95"})
    public record Csat(long responses, long topBox, long topTwoBox, BigDecimal topBoxPercent, BigDecimal topTwoBoxPercent,
                       Interval ci95) {
    }

    @Schema(name = "CesMetric", description = "Customer effort on one scale. mean with its 95 % interval (Student's t "
            + "below 30 answers, 1.96 from 30; null for a single answer), clamped to the scale; agreePercent = share "
            + "above the scale's midpoint (5–7 on 1–7) with its adjusted-Wald interval.")
    @JsonPropertyOrder({"scaleMin", "scaleMax", "responses", "mean", "ci95", "agree", "agreePercent", "agreeCi95"})
    public record Ces(int scaleMin, int scaleMax, long responses, BigDecimal mean, Interval ci95, long agree,
                      BigDecimal agreePercent, Interval agreeCi95) {
    }

    @Schema(name = "Metrics", description = "The metrics of a set of feedback. responses counts every feedback; each "
            + "metric counts the feedback that carry its score, so one feedback with NPS and CSAT counts in both.")
    @JsonPropertyOrder({"responses", "nps", "csat", "ces"})
    public record Metrics(long responses, Nps nps, Csat csat,
                          @Schema(description = "one entry per CES scale present, ordered by scale") List<Ces> ces) {
    }

    @Schema(name = "MetricsSummary")
    @JsonPropertyOrder({"slice", "metrics"})
    public record Summary(Slice slice, Metrics metrics) {
    }

    @Schema(name = "MetricsGroup", description = "The metrics of one value of the dimension. Feedback without a value "
            + "(no touchpoint, no theme, ...) are reported with value null and label \"(none)\".")
    @JsonPropertyOrder({"value", "label", "metrics"})
    public record Group(String value, String label, Metrics metrics) {
    }

    @Schema(name = "MetricsBreakdown", description = "Groups ordered by responses (most first), then by value; the "
            + "(none) group last among equals. With by=theme or themeGroup a feedback counts once in each of its "
            + "themes (groups), so the groups' responses can add up to more than the slice's.")
    @JsonPropertyOrder({"slice", "by", "groups"})
    public record Breakdown(Slice slice, String by, List<Group> groups) {
    }

    @Schema(name = "TrendPoint", description = "One time bucket: bucket = the local date it starts on (a Monday for "
            + "weeks, the 1st for months) in the requested tz; start/end = its instants, end exclusive.")
    @JsonPropertyOrder({"bucket", "start", "end", "metrics"})
    public record TrendPoint(LocalDate bucket, Instant start, Instant end, Metrics metrics) {
    }

    @Schema(name = "TrendSeries", description = "The trend of one value of the by dimension (value null: none)")
    @JsonPropertyOrder({"value", "label", "points"})
    public record TrendSeries(String value, String label, List<TrendPoint> points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetricsTrend", description = "Buckets oldest first, every bucket present (responses 0 when "
            + "empty) from the bucket of from (or of the first response) to the bucket of to (or of the last). "
            + "Without by: points; with by: one series per value, each over the same buckets.")
    @JsonPropertyOrder({"slice", "bucket", "tz", "by", "points", "series"})
    public record Trend(Slice slice, String bucket, String tz, String by, List<TrendPoint> points,
                        List<TrendSeries> series) {
    }

    @Schema(name = "ThemeMetrics", description = "One theme (or theme group). responses = feedback with the theme; "
            + "sharePercent = responses / all feedback in the slice; nps = NPS among the feedback with the theme "
            + "(nps.detractors: its detractors); npsImpact = 100 × detractors with the theme / NPS answers in the "
            + "slice: how many NPS points the theme's detractors take off the slice's NPS (null without NPS answers).")
    @JsonPropertyOrder({"theme", "responses", "sharePercent", "nps", "npsImpact"})
    public record ThemeStat(String theme, long responses, BigDecimal sharePercent, Nps nps, BigDecimal npsImpact) {
    }

    @Schema(name = "TopThemes", description = "responses and nps are the whole slice's (nps.responses is the "
            + "denominator of npsImpact).")
    @JsonPropertyOrder({"slice", "level", "order", "responses", "nps", "themes"})
    public record TopThemes(Slice slice, String level, String order, long responses, Nps nps, List<ThemeStat> themes) {
    }
}
