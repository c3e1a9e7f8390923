package io.feedbackloop.categorize.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import io.feedbackloop.categorize.api.RecategorizationViews;
import io.feedbackloop.categorize.model.RecategorizationJob;
import io.feedbackloop.categorize.model.RecategorizationReport;

/** A recategorization job and its report as the replay API shows them. */
public final class RecategorizationMapper {

    private RecategorizationMapper() {
    }

    public static RecategorizationViews.Job toView(RecategorizationJob job) {
        return new RecategorizationViews.Job(job.id, job.status, job.dryRun, job.respondedFrom, job.respondedTo,
                job.knowledgeVersion, job.modelVersion, job.requestedAt, job.requestedBy, job.finishedAt, job.total,
                job.processed, job.changed, toView(job.report));
    }

    private static RecategorizationViews.Report toView(RecategorizationReport report) {
        return new RecategorizationViews.Report(report.changedFields, report.themesAdded, report.themesRemoved,
                report.examples.stream().map(RecategorizationMapper::toView).toList(), report.error);
    }

    private static RecategorizationViews.Example toView(RecategorizationReport.Example example) {
        Map<String, RecategorizationViews.FromTo> changes = new LinkedHashMap<>();
        example.changes().forEach((field, change) ->
                changes.put(field, new RecategorizationViews.FromTo(change.from(), change.to())));
        return new RecategorizationViews.Example(example.feedbackId(), changes);
    }
}
