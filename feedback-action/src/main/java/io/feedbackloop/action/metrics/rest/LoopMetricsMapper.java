package io.feedbackloop.action.metrics.rest;

import java.util.Locale;

import io.feedbackloop.action.metrics.LoopMetrics;
import io.feedbackloop.action.metrics.LoopMetricsQueries;
import io.feedbackloop.action.metrics.api.LoopMetricsView;

/** A loop metrics report as the API shows it. */
final class LoopMetricsMapper {

    private LoopMetricsMapper() {
    }

    static LoopMetricsView view(LoopMetrics.Report report) {
        return new LoopMetricsView(report.from(), report.to(), report.team(), report.theme(),
                report.grouping() == null ? null : report.grouping().name().toLowerCase(Locale.ROOT),
                figures(report.total()), report.groups().stream().map(LoopMetricsMapper::figures).toList());
    }

    private static LoopMetricsView.LoopFigures figures(LoopMetricsQueries.Row r) {
        return new LoopMetricsView.LoopFigures(r.key(), r.opened(), r.closed(), r.closedWithResolution(),
                r.closedLoopRate(), r.medianSecondsToFirstResponse(), r.medianSecondsToClose(),
                r.firstResponseSlaMetPercent(), r.firstResponseSlaDecided(), r.resolutionSlaMetPercent(),
                r.resolutionSlaDecided());
    }
}
