package io.feedbackloop.categorize.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.feedbackloop.categorize.metrics.MetricsQueries.Counts;
import io.feedbackloop.categorize.metrics.MetricsResults.Ces;
import io.feedbackloop.categorize.metrics.MetricsResults.Csat;
import io.feedbackloop.categorize.metrics.MetricsResults.Group;
import io.feedbackloop.categorize.metrics.MetricsResults.Metrics;
import io.feedbackloop.categorize.metrics.MetricsResults.ThemeStat;
import io.feedbackloop.categorize.metrics.MetricsResults.TopThemes;
import io.feedbackloop.categorize.metrics.MetricsResults.Trend;
import io.feedbackloop.categorize.metrics.MetricsResults.TrendPoint;
import io.feedbackloop.categorize.metrics.MetricsResults.TrendSeries;
import io.feedbackloop.categorize.metrics.MetricsSlice.Bucket;
import io.feedbackloop.categorize.metrics.MetricsSlice.Dimension;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeLevel;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeOrder;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * NPS, CSAT and CES of a slice of feedback, as a summary, per dimension value, over time, and per
 * theme. The database counts (one statement per request); this class turns counts into scores
 * and intervals ({@link ScoreStatistics}) and fills the gaps a chart needs.
 *
 * <p>Not {@code @Transactional}: it only reads, and each answer comes from one SQL statement, which
 * sees one consistent snapshot on its own.
 */
@ApplicationScoped
public class MetricsService {

    /** A trend longer than this many buckets is refused: ask for a coarser bucket or a shorter range. */
    public static final int MAX_BUCKETS = 1000;

    /** A trend split by a dimension may have at most this many points (series × buckets). */
    public static final int MAX_TREND_POINTS = 20_000;

    private static final Comparator<String> NONE_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    @Inject
    MetricsQueries queries;

    public Metrics summary(MetricsSlice slice) {
        Map<String, Metrics> metrics = metricsBy(query(slice, null, null), Counts::dimension);
        return metrics.values().iterator().next();
    }

    /** One group per value of the dimension, most responses first, feedback without a value last among equals. */
    public List<Group> breakdown(MetricsSlice slice, Dimension by) {
        Map<String, Metrics> metrics = metricsBy(query(slice, by, null), Counts::dimension);
        List<Group> groups = new ArrayList<>();
        metrics.forEach((value, m) -> groups.add(new Group(value, m)));
        groups.sort(Comparator.comparingLong((Group g) -> g.metrics().responses()).reversed()
                .thenComparing(Group::value, NONE_LAST));
        return groups;
    }

    /**
     * Metrics per time bucket, every bucket from the first to the last present. When from and to are
     * both given the size is checked before the database is asked.
     */
    public Trend trend(MetricsSlice slice, Bucket bucket, Dimension by) {
        LocalDate first = slice.from() == null ? null : bucket.of(slice.from(), slice.zone());
        LocalDate last = slice.to() == null ? null : bucket.of(slice.to().minusNanos(1), slice.zone());
        if (first != null && last != null) {
            checkBuckets(bucket, first, last);
        }
        List<Counts> counts = query(slice, by, bucket);
        TreeSet<LocalDate> seen = new TreeSet<>();
        counts.forEach(c -> seen.add(c.bucket()));
        first = first != null ? first : seen.isEmpty() ? null : seen.first();
        last = last != null ? last : seen.isEmpty() ? null : seen.last();
        List<LocalDate> buckets = new ArrayList<>();
        if (first != null && last != null) {
            checkBuckets(bucket, first, last);
            for (LocalDate day = first; !day.isAfter(last); day = bucket.next(day)) {
                buckets.add(day);
            }
        }
        if (by == null) {
            Map<LocalDate, Metrics> metrics = metricsBy(counts, Counts::bucket);
            return new Trend(points(buckets, metrics, bucket, slice), null);
        }
        Map<String, List<Counts>> perValue = new HashMap<>();
        counts.forEach(c -> perValue.computeIfAbsent(c.dimension(), v -> new ArrayList<>()).add(c));
        if ((long) perValue.size() * buckets.size() > MAX_TREND_POINTS) {
            throw invalid("by", "max-points", "the trend would have " + perValue.size() + " series of " + buckets.size()
                    + " buckets, more than " + MAX_TREND_POINTS + " points; narrow the slice or choose a coarser bucket");
        }
        List<TrendSeries> series = new ArrayList<>();
        Map<String, Long> volume = new HashMap<>();
        perValue.forEach((value, rows) -> {
            Map<LocalDate, Metrics> metrics = metricsBy(rows, Counts::bucket);
            volume.put(value, metrics.values().stream().mapToLong(Metrics::responses).sum());
            series.add(new TrendSeries(value, points(buckets, metrics, bucket, slice)));
        });
        series.sort(Comparator.comparingLong((TrendSeries s) -> volume.get(s.value())).reversed()
                .thenComparing(TrendSeries::value, NONE_LAST));
        return new Trend(null, series);
    }

    /**
     * The slice's top themes. npsImpact = 100 × detractors with the theme / NPS answers in the slice:
     * the NPS points the slice would gain if those detractors had been passives.
     */
    public TopThemes topThemes(MetricsSlice slice, ThemeLevel level, ThemeOrder order, int limit) {
        MetricsQueries.TopThemes top;
        try {
            top = queries.topThemes(slice, level, order, limit);
        } catch (MetricsQueries.UnknownTimeZoneException e) {
            throw unknownZone();
        }
        MetricsQueries.ThemeCounts all = top.slice();
        ScoreStatistics.Nps sliceNps = ScoreStatistics.nps(all.promoters(), all.passives(), all.detractors());
        long npsResponses = sliceNps.responses();
        List<ThemeStat> themes = top.themes().stream().map(t -> new ThemeStat(t.theme(), t.responses(),
                        all.responses() == 0 ? null : 100.0 * t.responses() / all.responses(),
                        ScoreStatistics.nps(t.promoters(), t.passives(), t.detractors()),
                        npsResponses == 0 ? null : 100.0 * t.detractors() / npsResponses))
                .toList();
        return new TopThemes(all.responses(), sliceNps, themes);
    }

    private List<Counts> query(MetricsSlice slice, Dimension by, Bucket bucket) {
        try {
            return queries.counts(slice, by, bucket);
        } catch (MetricsQueries.UnknownTimeZoneException e) {
            throw unknownZone();
        }
    }

    /** Folds each group's row and its per-CES-scale rows into one {@link Metrics}, in the order the groups first appear. */
    private static <K> Map<K, Metrics> metricsBy(List<Counts> counts, java.util.function.Function<Counts, K> key) {
        Map<K, Counts> groups = new LinkedHashMap<>();
        Map<K, List<Ces>> ces = new HashMap<>();
        for (Counts row : counts) {
            if (row.isCesScale()) {
                ces.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(new Ces(row.cesScaleMin(),
                        row.cesScaleMax(), ScoreStatistics.mean(row.cesResponses(), row.cesSum(), row.cesSumOfSquares()),
                        ScoreStatistics.proportion(row.cesAgree(), row.cesResponses())));
            } else {
                groups.put(key.apply(row), row);
            }
        }
        Map<K, Metrics> metrics = new LinkedHashMap<>();
        groups.forEach((k, row) -> {
            List<Ces> scales = new ArrayList<>(ces.getOrDefault(k, List.of()));
            scales.sort(Comparator.comparingInt(Ces::scaleMin).thenComparingInt(Ces::scaleMax));
            metrics.put(k, metrics(row, scales));
        });
        return metrics;
    }

    private static Metrics metrics(Counts row, List<Ces> ces) {
        return new Metrics(row.responses(), ScoreStatistics.nps(row.promoters(), row.passives(), row.detractors()),
                new Csat(ScoreStatistics.proportion(row.csatTopBox(), row.csatResponses()),
                        ScoreStatistics.proportion(row.csatTopTwoBox(), row.csatResponses())),
                ces);
    }

    private static final Metrics EMPTY = metrics(new Counts(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            List.of());

    private static List<TrendPoint> points(List<LocalDate> buckets, Map<LocalDate, Metrics> metrics, Bucket bucket,
                                           MetricsSlice slice) {
        List<TrendPoint> points = new ArrayList<>(buckets.size());
        for (LocalDate start : buckets) {
            points.add(new TrendPoint(start, start.atStartOfDay(slice.zone()).toInstant(),
                    bucket.next(start).atStartOfDay(slice.zone()).toInstant(),
                    Objects.requireNonNullElse(metrics.get(start), EMPTY)));
        }
        return points;
    }

    private static void checkBuckets(Bucket bucket, LocalDate first, LocalDate last) {
        long count = bucket.count(first, last);
        if (count > MAX_BUCKETS) {
            throw invalid("bucket", "max-buckets", "the trend would have " + count + " " + bucket.param()
                    + " buckets, more than " + MAX_BUCKETS + "; choose a coarser bucket or a shorter from..to");
        }
    }

    private static ProblemException unknownZone() {
        return invalid("tz", "time-zone", "is not a time zone the database knows; use an IANA zone such as Europe/Moscow");
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, rule, message))));
    }
}
