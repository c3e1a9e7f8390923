package io.feedbackloop.action.metrics.api;

import java.time.Instant;
import java.util.List;

/**
 * Loop metrics of the cases opened in [from, to), of one team and/or theme if asked.
 *
 * @param groupBy team, theme, week, month, or null (then {@code groups} is empty)
 * @param total   the whole slice, each case counted once
 * @param groups  by team or theme: the groups that have cases; by week or month: every period from
 *                {@code from} to {@code to}, empty ones included
 */
public record LoopMetricsView(Instant from, Instant to, String team, String theme, String groupBy,
                              LoopFigures total, List<LoopFigures> groups) {

    /**
     * The loop metrics of one slice of cases (all of them opened in the period). Figures without
     * data are null, not 0.
     *
     * @param key                           the group (team id, theme path, week's Monday {@code 2026-11-16},
     *                                      month {@code 2026-11}); {@code total} for the whole slice; null:
     *                                      cases without a theme
     * @param casesOpened                   cases opened
     * @param casesClosed                   of them, closed now
     * @param casesClosedWithResolution     of them, closed with a resolution text the customer is told
     * @param closedLoopRate                casesClosedWithResolution / (casesOpened − cases closed as duplicates),
     *                                      percent
     * @param medianSecondsToFirstResponse  median of first response − opened, over cases answered
     * @param medianSecondsToClose          median of closed − opened, over closed cases
     * @param firstResponseSlaMetPercent    share of decided first-response deadlines met: answered at or
     *                                      before the deadline, among cases answered or past it unanswered
     * @param firstResponseSlaDecided       how many first-response deadlines are decided
     * @param resolutionSlaMetPercent       likewise for the resolution deadline (the case is resolved when closed)
     * @param resolutionSlaDecided          how many resolution deadlines are decided
     */
    public record LoopFigures(String key, long casesOpened, long casesClosed, long casesClosedWithResolution,
                              Double closedLoopRate, Double medianSecondsToFirstResponse,
                              Double medianSecondsToClose, Double firstResponseSlaMetPercent,
                              long firstResponseSlaDecided, Double resolutionSlaMetPercent,
                              long resolutionSlaDecided) {
    }
}
