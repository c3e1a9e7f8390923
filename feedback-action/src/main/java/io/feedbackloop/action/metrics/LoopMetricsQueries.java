package io.feedbackloop.action.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Loop metrics aggregated by PostgreSQL over a slice of cases: those opened in [from, to), of one
 * team and/or theme (a group matches its leaves), optionally grouped. Every figure of a group
 * describes the cases opened in it, whatever happened to them since (a cohort).
 *
 * <ul>
 * <li>closed: status {@code closed} now; closed with a resolution: closed with a non-blank
 *     {@code resolution_text}, the words the customer is told. The closed-loop rate is their share
 *     of the cases opened, leaving out cases closed as duplicates (their customer hears back
 *     through the case they duplicate);</li>
 * <li>median times (seconds, {@code percentile_cont(0.5)}): opened to first response, over cases
 *     answered; opened to closed, over cases closed;</li>
 * <li>SLA met: a deadline counts once it is decided, i.e. the response (or resolution) happened,
 *     or the deadline passed without it; met when it happened at or before the deadline. Cases
 *     still within their deadline count neither way. The resolution is the closing of the case.</li>
 * </ul>
 * Percentages have one decimal; a figure without data is null, never 0.
 */
@ApplicationScoped
public class LoopMetricsQueries {

    /** What a group is keyed by. */
    public enum Grouping {
        TEAM, THEME, WEEK, MONTH
    }

    public record Slice(Instant from, Instant to, String team, String theme, Instant now) {
    }

    public record Row(String key, long opened, long closed, long closedWithResolution, Double closedLoopRate,
                      Double medianSecondsToFirstResponse, Double medianSecondsToClose,
                      long firstResponseSlaMet, long firstResponseSlaDecided, Double firstResponseSlaMetPercent,
                      long resolutionSlaMet, long resolutionSlaDecided, Double resolutionSlaMetPercent) {

        public static Row empty(String key) {
            return new Row(key, 0, 0, 0, null, null, null, 0, 0, null, 0, 0, null);
        }
    }

    private static final String RESOLVED_AT =
            "(CASE WHEN c.status = 'closed' THEN COALESCE(c.resolved_at, c.closed_at) END)";

    /** The aggregates of a grouping key (1), over FROM and WHERE clauses (2), with the resolution time (3). */
    private static final String FIGURES = """
            WITH figures AS (
              SELECT %1$s AS bucket,
                count(*) AS opened,
                count(*) FILTER (WHERE c.status = 'closed') AS closed,
                count(*) FILTER (WHERE c.status = 'closed' AND btrim(COALESCE(c.resolution_text, '')) <> '')
                  AS closed_with_resolution,
                count(*) FILTER (WHERE c.status = 'closed' AND c.resolution_code = 'duplicate') AS duplicates,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM c.first_response_at - c.opened_at)::float8) AS median_first_response,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY CASE WHEN c.status = 'closed' THEN extract(epoch FROM c.closed_at - c.opened_at)::float8 END)
                  AS median_close,
                count(*) FILTER (WHERE c.first_response_at <= c.first_response_due_at) AS fr_met,
                count(*) FILTER (WHERE c.first_response_at IS NOT NULL OR c.first_response_due_at < :now) AS fr_decided,
                count(*) FILTER (WHERE %3$s <= c.resolution_due_at) AS res_met,
                count(*) FILTER (WHERE c.resolution_due_at IS NOT NULL
                                   AND (%3$s IS NOT NULL OR c.resolution_due_at < :now)) AS res_decided
              %2$s
              GROUP BY 1)
            SELECT bucket, opened, closed, closed_with_resolution,
              round(100.0 * closed_with_resolution / NULLIF(opened - duplicates, 0), 1) AS closed_loop_rate,
              median_first_response, median_close,
              fr_met, fr_decided, round(100.0 * fr_met / NULLIF(fr_decided, 0), 1) AS fr_met_percent,
              res_met, res_decided, round(100.0 * res_met / NULLIF(res_decided, 0), 1) AS res_met_percent
            FROM figures""";

    @Inject
    EntityManager entityManager;

    /** The whole slice, each case once. */
    public Row total(Slice slice) {
        List<Row> rows = run(slice, "'total'", from(slice, false));
        return rows.isEmpty() ? Row.empty("total") : rows.get(0);
    }

    /**
     * One row per group that has cases. By theme a case counts in each of its themes (within the
     * theme filter); cases without a theme make the group with a null key. Weeks start on Monday
     * and are keyed by that day ({@code 2026-11-16}), months as {@code 2026-11}, both in UTC.
     */
    public Map<String, Row> grouped(Slice slice, Grouping grouping) {
        String key = switch (grouping) {
            case TEAM -> "c.owner_team";
            case THEME -> "t.theme";
            case WEEK -> "to_char(date_trunc('week', c.opened_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
            case MONTH -> "to_char(date_trunc('month', c.opened_at AT TIME ZONE 'UTC'), 'YYYY-MM')";
        };
        Map<String, Row> groups = new LinkedHashMap<>();
        for (Row row : run(slice, key, from(slice, grouping == Grouping.THEME))) {
            groups.put(row.key(), row);
        }
        return groups;
    }

    private static String from(Slice slice, boolean byTheme) {
        StringBuilder sql = new StringBuilder("FROM support_case c");
        if (byTheme) {
            sql.append(" CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.themes) = 0"
                    + " THEN ARRAY[NULL]::varchar[] ELSE c.themes END) AS t(theme)");
        }
        sql.append(" WHERE c.opened_at >= :from AND c.opened_at < :to");
        if (slice.team() != null) {
            sql.append(" AND c.owner_team = :team");
        }
        if (slice.theme() != null) {
            sql.append(byTheme ? " AND (t.theme = :theme OR starts_with(t.theme, :theme || '/'))"
                    : " AND EXISTS (SELECT 1 FROM unnest(c.themes) AS x(theme)"
                            + " WHERE x.theme = :theme OR starts_with(x.theme, :theme || '/'))");
        }
        return sql.toString();
    }

    private List<Row> run(Slice slice, String key, String from) {
        Query query = entityManager.createNativeQuery(FIGURES.formatted(key, from, RESOLVED_AT))
                .setParameter("from", slice.from()).setParameter("to", slice.to()).setParameter("now", slice.now());
        if (slice.team() != null) {
            query.setParameter("team", slice.team());
        }
        if (slice.theme() != null) {
            query.setParameter("theme", slice.theme());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> results = query.getResultList();
        List<Row> rows = new ArrayList<>(results.size());
        for (Object[] r : results) {
            rows.add(new Row((String) r[0], count(r[1]), count(r[2]), count(r[3]), number(r[4]), number(r[5]),
                    number(r[6]), count(r[7]), count(r[8]), number(r[9]), count(r[10]), count(r[11]), number(r[12])));
        }
        return rows;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
