package io.feedbackloop.ingest.mapping;

import java.util.List;
import java.util.Locale;

import io.feedbackloop.ingest.api.CustomerRef;
import io.feedbackloop.ingest.api.FeedbackPage;
import io.feedbackloop.ingest.api.FeedbackSubmission;
import io.feedbackloop.ingest.api.FeedbackView;
import io.feedbackloop.ingest.api.ImportReport;
import io.feedbackloop.ingest.api.LoopView;
import io.feedbackloop.ingest.events.CustomerContactEvent;
import io.feedbackloop.ingest.events.FeedbackCommentedEvent;
import io.feedbackloop.ingest.events.FeedbackReceivedEvent;
import io.feedbackloop.ingest.model.LoopStage;
import io.feedbackloop.ingest.model.NewFeedback;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.LoopStep;
import io.feedbackloop.ingest.repository.MetadataJson;
import io.feedbackloop.ingest.service.FeedbackLoop;
import io.feedbackloop.ingest.service.ImportResult;
import io.feedbackloop.ingest.service.StoredFeedback;
import io.feedbackloop.kit.listing.KeysetPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Converts between what a channel posts, the stored feedback, what the API shows and what the events carry. */
@ApplicationScoped
public class FeedbackMapper {

    @Inject
    MetadataJson metadata;

    public static NewFeedback toNewFeedback(FeedbackSubmission s) {
        return new NewFeedback(CustomerMapper.toContact(s.customer()), s.channel(), s.allScores(), s.text(),
                s.language(), s.touchpoint(), s.journeyStage(), s.externalId(), s.invitationId(), s.respondedAt(),
                s.metadata());
    }

    public FeedbackView toView(StoredFeedback stored) {
        Feedback f = stored.feedback();
        return new FeedbackView(f.id, customer(f), f.channel, f.npsScore,
                stored.scores().stream().map(s -> new FeedbackView.Score(s.metric, s.value, s.scaleMin, s.scaleMax))
                        .toList(),
                f.text, f.language, f.touchpoint, f.journeyStage, f.externalId, f.invitationId, f.respondedAt,
                f.receivedAt, f.commentedAt, metadata.read(f.metadata),
                new FeedbackView.LoopStatus(wire(f.loopStage), steps(stored.steps())));
    }

    /** The loop alone: stage, steps and when the feedback came, nothing about the customer. */
    public static LoopView toLoopView(FeedbackLoop loop) {
        return new LoopView(wire(loop.stage()), steps(loop.steps()), loop.receivedAt());
    }

    private static List<FeedbackView.Step> steps(List<LoopStep> steps) {
        return steps.stream().map(s -> new FeedbackView.Step(wire(s.stage), s.occurredAt, s.detail)).toList();
    }

    public FeedbackPage toPage(KeysetPage<StoredFeedback> page) {
        return new FeedbackPage(page.items().stream().map(this::toView).toList(), page.nextCursor());
    }

    public static ImportReport toImportReport(String format, ImportResult r) {
        return new ImportReport(format, r.rows(), r.imported(), r.duplicates(), r.rejected(),
                r.errors().stream().map(e -> new ImportReport.RowError(e.line(), e.problem().field(),
                        e.problem().rule(), e.problem().message())).toList(),
                r.errorsTruncated(), r.durationMillis());
    }

    public FeedbackReceivedEvent toReceivedEvent(Feedback f, List<FeedbackScore> scores) {
        return new FeedbackReceivedEvent(f.id, f.receivedAt, f.respondedAt, f.channel,
                new FeedbackReceivedEvent.Customer(f.customerId, f.customerSegment, f.customerLocale),
                f.npsScore,
                scores.stream().map(s -> new FeedbackReceivedEvent.Score(s.metric, s.value, s.scaleMin, s.scaleMax))
                        .toList(),
                f.text, f.language, f.touchpoint, f.journeyStage, f.externalId, f.invitationId, metadata.read(f.metadata));
    }

    /**
     * The contact given with the feedback, observed when the feedback was received. This service
     * does not know the customer's time zone.
     */
    public static CustomerContactEvent toContactEvent(Feedback f) {
        return new CustomerContactEvent(f.customerId, f.id, f.receivedAt, f.customerEmail, f.customerPhone,
                f.customerName, f.customerLocale, null);
    }

    public static FeedbackCommentedEvent toCommentedEvent(Feedback f) {
        return new FeedbackCommentedEvent(f.id, f.customerId, f.commentedAt, f.channel, f.text, f.language);
    }

    private static CustomerRef customer(Feedback f) {
        return new CustomerRef(f.customerId, f.customerEmail, f.customerPhone, f.customerName, f.customerSegment,
                f.customerLocale);
    }

    private static String wire(LoopStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
