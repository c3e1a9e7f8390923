package io.feedbackloop.action.improvements.rest;

import io.feedbackloop.action.improvements.ImprovementAction;
import io.feedbackloop.action.improvements.ImprovementActions;
import io.feedbackloop.action.improvements.api.ImprovementActionRequest;
import io.feedbackloop.action.improvements.api.ImprovementActionView;
import io.feedbackloop.action.improvements.api.ImprovementLinkRequest;
import io.feedbackloop.action.improvements.api.ImprovementLinkResult;

/** Between the improvement action API's records and the improvements domain; a missing body stays null. */
final class ImprovementMapper {

    private ImprovementMapper() {
    }

    static ImprovementActions.Draft draft(ImprovementActionRequest request) {
        return request == null ? null : new ImprovementActions.Draft(request.teamId(), request.theme(),
                request.title(), request.message(), request.firstBatchSize());
    }

    static ImprovementActions.Links links(ImprovementLinkRequest request) {
        return request == null ? null : new ImprovementActions.Links(request.feedbackIds(), request.theme(),
                request.from(), request.to());
    }

    static ImprovementActionView view(ImprovementActions.Overview overview) {
        ImprovementAction a = overview.action();
        return new ImprovementActionView(a.id, a.teamId, a.theme, a.title, a.message, a.status, a.stage(),
                a.firstBatchSize, a.createdBy, a.createdAt, a.publishedAt, a.releasedAt, counts(overview.counts()));
    }

    static ImprovementLinkResult view(ImprovementActions.Linked linked) {
        return new ImprovementLinkResult(linked.added(), counts(linked.counts()));
    }

    private static ImprovementActionView.Counts counts(ImprovementActions.LinkCounts counts) {
        return new ImprovementActionView.Counts(counts.linked(), counts.announced(), counts.pending());
    }
}
