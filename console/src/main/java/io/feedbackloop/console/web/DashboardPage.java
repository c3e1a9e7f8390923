package io.feedbackloop.console.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.MetricViews.Breakdown;
import io.feedbackloop.console.backend.views.MetricViews.Ces;
import io.feedbackloop.console.backend.views.MetricViews.Group;
import io.feedbackloop.console.backend.views.MetricViews.Interval;
import io.feedbackloop.console.backend.views.MetricViews.LoopFigures;
import io.feedbackloop.console.backend.views.MetricViews.LoopMetrics;
import io.feedbackloop.console.backend.views.MetricViews.Metrics;
import io.feedbackloop.console.backend.views.MetricViews.Summary;
import io.feedbackloop.console.backend.views.MetricViews.ThemeStat;
import io.feedbackloop.console.backend.views.MetricViews.TopThemes;
import io.feedbackloop.console.backend.views.MetricViews.Trend;
import io.feedbackloop.console.backend.views.MetricViews.TrendPoint;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * NPS, CSAT and CES over time with their 95 % intervals, by a dimension, the themes that cost the
 * most, and how well the loop closes; the same figures as CSV. People without access to the
 * customers' scores (agents) see the loop figures of their teams only.
 */
@RolesAllowed({Person.AGENT, Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/dashboard")
public class DashboardPage {

    static final List<String> DIMENSIONS = List.of("channel", "touchpoint", "journeyStage", "segment");

    /** The period and slice the person chose; dates are days in their time zone, {@code to} inclusive. */
    public static class Slice {
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("channel")
        public String channel;
        @QueryParam("touchpoint")
        public String touchpoint;
        @QueryParam("journeyStage")
        public String journeyStage;
        @QueryParam("segment")
        public String segment;
        @QueryParam("by")
        public String by;
        @QueryParam("bucket")
        public String bucket;

        LocalDate fromDate;
        LocalDate toDate;

        void settle(LocalDate today) {
            toDate = date(to, today);
            fromDate = date(from, toDate.minusDays(29));
            if (fromDate.isAfter(toDate)) {
                fromDate = toDate;
            }
            by = by != null && DIMENSIONS.contains(by) ? by : "channel";
            long days = ChronoUnit.DAYS.between(fromDate, toDate) + 1;
            if (bucket == null || !List.of("day", "week", "month").contains(bucket)) {
                bucket = days <= 31 ? "day" : days <= 183 ? "week" : "month";
            }
        }

        private static LocalDate date(String text, LocalDate otherwise) {
            try {
                return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                return otherwise;
            }
        }

        public String fromText() {
            return fromDate.toString();
        }

        public String toText() {
            return toDate.toString();
        }

        Query query(String zone) {
            return Query.of().with("from", fromDate).with("to", toDate.plusDays(1)).with("tz", zone)
                    .with("channel", channel).with("touchpoint", touchpoint).with("journeyStage", journeyStage)
                    .with("segment", segment);
        }

        /** This slice as a query string, for the CSV link and the period shortcuts. */
        public String link() {
            return Query.of().with("from", fromDate).with("to", toDate).with("channel", channel)
                    .with("touchpoint", touchpoint).with("journeyStage", journeyStage).with("segment", segment)
                    .with("by", by).with("bucket", bucket).toString();
        }
    }

    /** Everything the page shows; null parts are those this person may not read. */
    public record Figures(Summary summary, Trend trend, Breakdown breakdown, TopThemes byVolume, TopThemes byImpact,
                          LoopMetrics loop) {
        public boolean scores() {
            return summary != null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Slice slice, Figures figures, String chartData, List<String> dimensions);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@BeanParam Slice slice) {
        Figures figures = figures(slice);
        return Pages.page(Templates.dashboard(slice, figures, chartData(figures), DIMENSIONS), visit);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Slice slice) {
        Figures f = figures(slice);
        Csv csv = new Csv();
        csv.row("period", slice.fromText(), slice.toText(), "time zone", visit.zoneName());
        if (f.scores()) {
            csv.row("bucket", "responses", "nps", "nps_ci95_low", "nps_ci95_high", "csat_top2_percent", "csat_ci95_low",
                    "csat_ci95_high", "ces_mean", "ces_ci95_low", "ces_ci95_high");
            for (TrendPoint p : f.trend().points()) {
                csv.row(metricsRow(p.bucket().toString(), p.metrics()));
            }
            csv.row();
            csv.row(slice.by, "responses", "nps", "nps_ci95_low", "nps_ci95_high", "csat_top2_percent", "csat_ci95_low",
                    "csat_ci95_high", "ces_mean", "ces_ci95_low", "ces_ci95_high");
            for (Group g : f.breakdown().groups()) {
                csv.row(metricsRow(g.label(), g.metrics()));
            }
            csv.row();
            csv.row("theme", "responses", "share_percent", "nps", "nps_impact");
            for (ThemeStat t : f.byVolume().themes()) {
                csv.row(t.theme(), t.responses(), t.sharePercent(), t.nps() == null ? null : t.nps().score(), t.npsImpact());
            }
            csv.row();
        }
        if (f.loop() != null) {
            LoopFigures l = f.loop().total();
            csv.row("cases_opened", "cases_closed", "closed_loop_rate", "median_seconds_to_first_response",
                    "median_seconds_to_close", "first_response_sla_met_percent", "resolution_sla_met_percent");
            csv.row(l.casesOpened(), l.casesClosed(), l.closedLoopRate(), l.medianSecondsToFirstResponse(),
                    l.medianSecondsToClose(), l.firstResponseSlaMetPercent(), l.resolutionSlaMetPercent());
        }
        return Response.ok(csv.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dashboard-" + slice.fromText() + "-"
                        + slice.toText() + ".csv\"").build();
    }

    private static List<Object> metricsRow(String key, Metrics m) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        row.add(m.responses());
        row.add(m.nps() == null ? null : m.nps().score());
        row.addAll(interval(m.nps() == null ? null : m.nps().ci95()));
        row.add(m.csat() == null ? null : m.csat().topTwoBoxPercent());
        row.addAll(interval(m.csat() == null ? null : m.csat().ci95()));
        Ces ces = m.firstCes();
        row.add(ces == null ? null : ces.mean());
        row.addAll(interval(ces == null ? null : ces.ci95()));
        return row;
    }

    private static List<BigDecimal> interval(Interval i) {
        return java.util.Arrays.asList(i == null ? null : i.low(), i == null ? null : i.high());
    }

    private Figures figures(Slice slice) {
        slice.settle(LocalDate.now(clock.withZone(visit.zone())));
        String bearer = visit.bearer();
        Query base = slice.query(visit.zoneName());
        CompletableFuture<JsonNode> summary = metrics(bearer, "", base);
        CompletableFuture<JsonNode> trend = metrics(bearer, "/trend", copy(slice, "bucket", slice.bucket));
        CompletableFuture<JsonNode> breakdown = metrics(bearer, "/breakdown", copy(slice, "by", slice.by));
        CompletableFuture<JsonNode> volume = metrics(bearer, "/themes", copy(slice, "order", "volume").with("limit", 10));
        CompletableFuture<JsonNode> impact = metrics(bearer, "/themes", copy(slice, "order", "npsImpact").with("limit", 10));
        CompletableFuture<JsonNode> loop = backend.getAsync(bearer, Service.ACTION, "/api/v1/loop-metrics",
                Query.of().with("from", slice.fromDate + "T00:00:00Z").with("to", slice.toDate.plusDays(1) + "T00:00:00Z"));
        return new Figures(readable(summary, Summary.class), readable(trend, Trend.class),
                readable(breakdown, Breakdown.class), readable(volume, TopThemes.class),
                readable(impact, TopThemes.class), readable(loop, LoopMetrics.class));
    }

    private Query copy(Slice slice, String name, String value) {
        return slice.query(visit.zoneName()).with(name, value);
    }

    private CompletableFuture<JsonNode> metrics(String bearer, String path, Query query) {
        return backend.getAsync(bearer, Service.CATEGORIZE, "/api/v1/metrics" + path, query);
    }

    /** A part this person's role may not read (403) is left out; everything else fails as usual. */
    private <T> T readable(CompletableFuture<JsonNode> pending, Class<T> type) {
        try {
            return backend.convert(Backend.await(pending), type);
        } catch (BackendException e) {
            if (e.status() == 403) {
                return null;
            }
            throw e;
        }
    }

    /** The chart series as JSON in a data attribute (escaped as any attribute; no inline script). */
    private String chartData(Figures f) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (f.trend() != null) {
            List<String> buckets = new ArrayList<>();
            Map<String, List<Object>> series = new LinkedHashMap<>();
            for (String key : List.of("nps", "npsLow", "npsHigh", "csat", "csatLow", "csatHigh", "ces", "cesLow",
                    "cesHigh", "responses")) {
                series.put(key, new ArrayList<>());
            }
            for (TrendPoint p : f.trend().points()) {
                buckets.add(p.bucket().toString());
                Metrics m = p.metrics();
                series.get("responses").add(m.responses());
                add(series, "nps", m.nps() == null ? null : m.nps().score(), m.nps() == null ? null : m.nps().ci95());
                add(series, "csat", m.csat() == null ? null : m.csat().topTwoBoxPercent(), m.csat() == null ? null : m.csat().ci95());
                Ces ces = m.firstCes();
                add(series, "ces", ces == null ? null : ces.mean(), ces == null ? null : ces.ci95());
            }
            data.put("buckets", buckets);
            data.put("series", series);
        }
        if (f.breakdown() != null) {
            data.put("groups", f.breakdown().groups().stream().map(g -> Map.of("label", String.valueOf(g.label()),
                    "responses", g.metrics().responses(),
                    "nps", g.metrics().nps() == null || g.metrics().nps().score() == null ? "" : g.metrics().nps().score())).toList());
        }
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Map<String, List<Object>> series, String name, BigDecimal value, Interval ci) {
        series.get(name).add(value);
        series.get(name + "Low").add(ci == null ? null : ci.low());
        series.get(name + "High").add(ci == null ? null : ci.high());
    }
}
