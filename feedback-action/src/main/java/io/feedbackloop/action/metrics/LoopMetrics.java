package io.feedbackloop.action.metrics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.feedbackloop.action.feedback.Themes;
import io.feedbackloop.action.metrics.LoopMetricsQueries.Grouping;
import io.feedbackloop.action.metrics.LoopMetricsQueries.Row;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Is the loop closed, and how fast: closed-loop rate, median times to first response and to
 * close, SLA-met percentages (definitions: {@link LoopMetricsQueries}). Leads see every team;
 * agents their own team's.
 */
@ApplicationScoped
@Transactional
public class LoopMetrics {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** Longest period asked in one go: about five years of weeks. */
    static final Duration MAX_PERIOD = Duration.ofDays(366 * 5);

    @Inject
    LoopMetricsQueries queries;

    @Inject
    Clock clock;

    /**
     * Loop metrics of the cases opened in [from, to), of one team and/or theme if asked.
     *
     * @param grouping null: no groups
     * @param total    the whole slice, each case counted once
     * @param groups   by team or theme: the groups that have cases, most cases first; by week or month: every
     *                 period from {@code from} to {@code to}, empty ones included
     */
    public record Report(Instant from, Instant to, String team, String theme, Grouping grouping, Row total,
                         List<Row> groups) {
    }

    /**
     * @param from    ISO instant or date (start of that day, UTC); default: 30 days before {@code to}
     * @param to      exclusive; ISO instant or date; default: now
     * @param groupBy team, theme, week, month, or null
     */
    public Report metrics(Caller caller, String from, String to, String team, String theme, String groupBy) {
        Instant now = clock.instant();
        List<Problem.Violation> violations = new ArrayList<>();
        Instant end = to == null ? now : instant("to", to, violations);
        Instant start = from == null ? (end == null ? null : end.minus(DEFAULT_PERIOD)) : instant("from", from, violations);
        Grouping grouping = grouping(groupBy, violations);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                violations.add(new Problem.Violation("to", "after-from", "must be after from"));
            } else if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
                violations.add(new Problem.Violation("from", "period", "the period may be at most "
                        + MAX_PERIOD.toDays() + " days long"));
            }
        }
        if (theme != null && !theme.matches(Themes.PATH)) {
            violations.add(new Problem.Violation("theme", "Pattern", "must be a taxonomy path such as delivery/late"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        String teamFilter = blankToNull(team);
        if (!caller.readsEverything()) {
            // agents and leads see their own team's figures; analysts and admins every team's
            if (teamFilter == null && caller.teams().size() == 1) {
                teamFilter = caller.teams().iterator().next();
            }
            if (!caller.inTeam(teamFilter)) {
                throw new ProblemException(Problem.of(403, "other-team", "Forbidden",
                        "agents and leads see the loop metrics of their own teams " + caller.teams().stream().sorted().toList()
                                + " only; name one as team"));
            }
        }
        LoopMetricsQueries.Slice slice = new LoopMetricsQueries.Slice(start, end, teamFilter, blankToNull(theme), now);
        List<Row> groups = new ArrayList<>();
        if (grouping != null) {
            Map<String, Row> rows = queries.grouped(slice, grouping);
            if (grouping == Grouping.WEEK || grouping == Grouping.MONTH) {
                for (String period : periods(start, end, grouping)) {
                    groups.add(rows.getOrDefault(period, Row.empty(period)));
                }
            } else {
                rows.values().stream()
                        .sorted(Comparator.comparingLong(Row::opened).reversed()
                                .thenComparing(Row::key, Comparator.nullsLast(Comparator.naturalOrder())))
                        .forEach(groups::add);
            }
        }
        return new Report(start, end, teamFilter, slice.theme(), grouping, queries.total(slice), groups);
    }

    /** Every week (keyed by its Monday) or month touched by [from, to), in UTC, as the queries key them. */
    static List<String> periods(Instant from, Instant to, Grouping grouping) {
        List<String> periods = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate();
        if (grouping == Grouping.WEEK) {
            for (day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !day.isAfter(last);
                 day = day.plusWeeks(1)) {
                periods.add(day.toString());
            }
        } else {
            for (day = day.withDayOfMonth(1); !day.isAfter(last); day = day.plusMonths(1)) {
                periods.add(day.toString().substring(0, 7));
            }
        }
        return periods;
    }

    private static Grouping grouping(String groupBy, List<Problem.Violation> violations) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        try {
            return Grouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("groupBy", "enum", "must be one of [team, theme, week, month]"));
            return null;
        }
    }

    private static Instant instant(String field, String value, List<Problem.Violation> violations) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "type",
                    "must be an ISO-8601 date-time such as 2026-11-23T09:00:00Z or a date such as 2026-11-23"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
