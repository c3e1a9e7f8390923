package io.feedbackloop.categorize.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.feedbackloop.categorize.metrics.MetricsSlice.Bucket;
import io.feedbackloop.categorize.metrics.MetricsSlice.Dimension;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeLevel;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The metrics' SQL. PostgreSQL does the counting: each request is one statement (so one
 * snapshot) that returns a handful of rows of counts and sums, never the feedback itself.
 * Only fixed SQL fragments chosen from enums are spliced into the text; every value a client
 * sent is a bind parameter.
 */
@ApplicationScoped
public class MetricsQueries {

    /** The time zone given is one the JDK knows but the database does not. */
    public static class UnknownTimeZoneException extends RuntimeException {
        UnknownTimeZoneException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Counts of one group (one dimension value and/or time bucket), or of one CES scale within it.
     *
     * @param cesScaleMin null on the group's row; the CES scale on a per-scale row (whose
     *                    {@code responses} and CES fields then count only that scale's answers)
     */
    public record Counts(String dimension, LocalDate bucket, Integer cesScaleMin, Integer cesScaleMax,
                         long responses, long promoters, long passives, long detractors,
                         long csatResponses, long csatTopBox, long csatTopTwoBox,
                         long cesResponses, long cesSum, long cesSumOfSquares, long cesAgree) {

        public boolean isCesScale() {
            return cesScaleMin != null;
        }
    }

    /** One theme (or theme group) of the ranking, with the NPS classes of the feedback that have it. */
    public record ThemeCounts(String theme, long responses, long promoters, long passives, long detractors) {
    }

    /** The slice's own totals and its top themes. */
    public record TopThemes(ThemeCounts slice, List<ThemeCounts> themes) {
    }

    // Scales a score arrived without (rows from before scales were stored) default to DESIGN.md's:
    // CSAT 1–5, CES 1–7. A higher value is taken as the better one on every scale.
    private static final String SLICE_COLUMNS = """
            c.nps_score, c.csat_score, COALESCE(c.csat_scale_max, 5) AS csat_max, c.ces_score,
            CASE WHEN c.ces_score IS NOT NULL THEN COALESCE(c.ces_scale_min, 1) END AS ces_min,
            CASE WHEN c.ces_score IS NOT NULL THEN COALESCE(c.ces_scale_max, 7) END AS ces_max""";

    // NPS only from NPS scores (0..10, promoters 9–10, passives 7–8, detractors 0–6); CSAT top box =
    // the scale's top value, top two box = its two top values; CES agreement = above the scale's
    // midpoint (2·x > min + max keeps it in integers: 5–7 on 1–7, 4–5 on 1–5, 6–10 on 0–10)
    private static final String AGGREGATES = """
            count(*) AS responses,
            count(*) FILTER (WHERE nps_score >= 9) AS promoters,
            count(*) FILTER (WHERE nps_score BETWEEN 7 AND 8) AS passives,
            count(*) FILTER (WHERE nps_score <= 6) AS detractors,
            count(csat_score) AS csat_responses,
            count(*) FILTER (WHERE csat_score >= csat_max) AS csat_top,
            count(*) FILTER (WHERE csat_score >= csat_max - 1) AS csat_top_two,
            count(ces_score) AS ces_responses,
            COALESCE(sum(ces_score::bigint), 0) AS ces_sum,
            COALESCE(sum(ces_score::bigint * ces_score), 0) AS ces_sum_sq,
            count(*) FILTER (WHERE 2 * ces_score > ces_min + ces_max) AS ces_agree""";

    @Inject
    DataSource dataSource;

    /**
     * The metric counts of a slice: one row per group (dimension value × bucket; a single row
     * without either), plus one row per CES scale present in each group.
     *
     * @param by     null: not split by a dimension
     * @param bucket null: not split by time
     */
    public List<Counts> counts(MetricsSlice slice, Dimension by, Bucket bucket) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder columns = new StringBuilder(SLICE_COLUMNS);
        List<String> keys = new ArrayList<>();
        if (bucket != null) {
            // the local date of the bucket's start; date_trunc('week') starts ISO weeks on Monday
            columns.append(",\n(date_trunc('").append(bucket.param()).append("', c.responded_at AT TIME ZONE ?))::date AS bucket");
            parameters.add(slice.zone().getId());
            keys.add("bucket");
        }
        String join = "";
        if (by != null) {
            columns.append(",\n").append(by == Dimension.THEME || by == Dimension.THEME_GROUP ? "t.dim" : column(by))
                    .append(" AS dim");
            join = themeJoin(by);
            keys.add("dim");
        }
        String where = where(slice, parameters);
        if (bucket != null) {
            where += " AND c.responded_at IS NOT NULL";
        }
        String groupKeys = String.join(", ", keys);
        String sql = "WITH slice AS (\nSELECT " + columns + "\nFROM categorization c " + join + "\nWHERE " + where + ")\n"
                + "SELECT " + (bucket != null ? "bucket, " : "") + (by != null ? "dim, " : "")
                + "GROUPING(ces_min, ces_max) AS ces_grouped, ces_min, ces_max,\n" + AGGREGATES + "\nFROM slice\n"
                + "GROUP BY GROUPING SETS ((" + groupKeys + "), (" + (keys.isEmpty() ? "" : groupKeys + ", ")
                + "ces_min, ces_max))";
        return query(sql, parameters, rs -> {
            boolean cesRow = rs.getInt("ces_grouped") == 0;
            Integer cesMin = cesRow ? (Integer) rs.getObject("ces_min") : null;
            if (cesRow && cesMin == null) {
                return null; // the feedback of the group without a CES score
            }
            return new Counts(by != null ? rs.getString("dim") : null,
                    bucket != null ? rs.getObject("bucket", LocalDate.class) : null,
                    cesMin, cesRow ? (Integer) rs.getObject("ces_max") : null,
                    rs.getLong("responses"), rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors"),
                    rs.getLong("csat_responses"), rs.getLong("csat_top"), rs.getLong("csat_top_two"),
                    rs.getLong("ces_responses"), rs.getLong("ces_sum"), rs.getLong("ces_sum_sq"), rs.getLong("ces_agree"));
        });
    }

    /**
     * The slice's totals and its {@code limit} top themes. A feedback counts once per theme (or
     * group) however many of its theme paths fall into it.
     */
    public TopThemes topThemes(MetricsSlice slice, ThemeLevel level, ThemeOrder order, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(slice, parameters);
        parameters.add(limit);
        String theme = level == ThemeLevel.GROUP ? "split_part(ct.theme, '/', 1)" : "ct.theme";
        String ranking = order == ThemeOrder.NPS_IMPACT
                ? "theme_detractors DESC, theme_responses DESC, theme"
                : "theme_responses DESC, theme_detractors DESC, theme";
        String sql = """
                WITH slice AS (SELECT c.feedback_id, c.nps_score FROM categorization c WHERE %s),
                totals AS (
                    SELECT count(*) AS responses,
                           count(*) FILTER (WHERE nps_score >= 9) AS promoters,
                           count(*) FILTER (WHERE nps_score BETWEEN 7 AND 8) AS passives,
                           count(*) FILTER (WHERE nps_score <= 6) AS detractors
                    FROM slice),
                themed AS (
                    SELECT DISTINCT s.feedback_id, s.nps_score, %s AS theme
                    FROM slice s JOIN categorization_theme ct ON ct.feedback_id = s.feedback_id),
                ranked AS (
                    SELECT theme, count(*) AS theme_responses,
                           count(*) FILTER (WHERE nps_score >= 9) AS theme_promoters,
                           count(*) FILTER (WHERE nps_score BETWEEN 7 AND 8) AS theme_passives,
                           count(*) FILTER (WHERE nps_score <= 6) AS theme_detractors
                    FROM themed GROUP BY theme ORDER BY %s LIMIT ?)
                SELECT totals.*, ranked.* FROM totals LEFT JOIN ranked ON true ORDER BY %s
                """.formatted(where, theme, ranking, ranking);
        List<ThemeCounts> totals = new ArrayList<>(1);
        List<ThemeCounts> themes = query(sql, parameters, rs -> {
            if (totals.isEmpty()) {
                totals.add(new ThemeCounts(null, rs.getLong("responses"), rs.getLong("promoters"),
                        rs.getLong("passives"), rs.getLong("detractors")));
            }
            String name = rs.getString("theme");
            return name == null ? null : new ThemeCounts(name, rs.getLong("theme_responses"),
                    rs.getLong("theme_promoters"), rs.getLong("theme_passives"), rs.getLong("theme_detractors"));
        });
        return new TopThemes(totals.get(0), themes);
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
            case CHANNEL -> "c.channel";
            case TOUCHPOINT -> "c.touchpoint";
            case JOURNEY_STAGE -> "c.journey_stage";
            case SEGMENT -> "c.customer_segment";
            case THEME, THEME_GROUP -> throw new IllegalArgumentException("themes are joined, not a column");
        };
    }

    /** A feedback's distinct themes (or groups), one row each; a feedback without themes keeps one row with null. */
    private static String themeJoin(Dimension dimension) {
        return switch (dimension) {
            case THEME -> "LEFT JOIN LATERAL (SELECT DISTINCT ct.theme AS dim FROM categorization_theme ct "
                    + "WHERE ct.feedback_id = c.feedback_id) t ON true";
            case THEME_GROUP -> "LEFT JOIN LATERAL (SELECT DISTINCT split_part(ct.theme, '/', 1) AS dim "
                    + "FROM categorization_theme ct WHERE ct.feedback_id = c.feedback_id) t ON true";
            default -> "";
        };
    }

    private static String where(MetricsSlice slice, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (slice.from() != null) {
            conditions.add("c.responded_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(slice.from(), ZoneOffset.UTC));
        }
        if (slice.to() != null) {
            conditions.add("c.responded_at < ?");
            parameters.add(OffsetDateTime.ofInstant(slice.to(), ZoneOffset.UTC));
        }
        equal(conditions, parameters, "c.channel", slice.channel());
        equal(conditions, parameters, "c.touchpoint", slice.touchpoint());
        equal(conditions, parameters, "c.journey_stage", slice.journeyStage());
        equal(conditions, parameters, "c.customer_segment", slice.segment());
        if (slice.theme() != null) {
            // the theme itself or anything below it; LIKE's wildcards in the id are taken literally
            conditions.add("EXISTS (SELECT 1 FROM categorization_theme ft WHERE ft.feedback_id = c.feedback_id "
                    + "AND (ft.theme = ? OR ft.theme LIKE ? ESCAPE '\\'))");
            parameters.add(slice.theme());
            parameters.add(slice.theme().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    private static void equal(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        /** @return the row's value, or null to skip the row */
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    T row = reader.read(rs);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            // 22023 invalid_parameter_value: "time zone "…" not recognized"
            if ("22023".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("time zone")) {
                throw new UnknownTimeZoneException(e);
            }
            throw new IllegalStateException("metrics query failed: " + e.getMessage(), e);
        }
    }
}
