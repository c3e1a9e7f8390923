package io.feedbackloop.categorize.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedbackloop.categorize.api.CategorizationView;
import io.feedbackloop.categorize.api.CorrectionRequest;
import io.feedbackloop.categorize.api.CorrectionView;
import io.feedbackloop.categorize.events.CommentedFeedback;
import io.feedbackloop.categorize.events.FeedbackCategorizedEvent;
import io.feedbackloop.categorize.events.ReceivedFeedback;
import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;
import io.feedbackloop.categorize.model.Correction;
import io.feedbackloop.categorize.model.CorrectionRecord;
import io.feedbackloop.categorize.model.FeedbackComment;
import io.feedbackloop.categorize.text.ScoreClasses;
import io.feedbackloop.categorize.text.Understanding;

/**
 * A categorization in and out of its contracts: read from {@code feedback.received.v1}, shown over
 * REST and announced on {@code feedback.categorized.v1}. Shared by both adapters, which show a
 * categorization alike.
 */
public final class CategorizationMapper {

    private CategorizationMapper() {
    }

    /** A new, not yet categorized categorization holding what the event says (never contact data). */
    public static Categorization toCategorization(ReceivedFeedback from) {
        Categorization to = new Categorization();
        to.feedbackId = from.feedbackId();
        to.receivedAt = from.receivedAt();
        to.respondedAt = from.respondedAt();
        to.channel = from.channel();
        to.touchpoint = from.touchpoint();
        to.journeyStage = from.journeyStage();
        to.customerId = from.customer().id();
        to.customerSegment = from.customer().segment();
        to.customerLocale = from.customer().locale();
        to.declaredLanguage = from.language();
        to.text = from.text();
        for (ReceivedFeedback.Score score : from.allScores()) {
            switch (score.metric()) {
                case "nps" -> to.npsScore = score.value();
                case "csat" -> {
                    to.csatScore = score.value();
                    to.csatScaleMin = score.scaleMin();
                    to.csatScaleMax = score.scaleMax();
                }
                case "ces" -> {
                    to.cesScore = score.value();
                    to.cesScaleMin = score.scaleMin();
                    to.cesScaleMax = score.scaleMax();
                }
                default -> throw new IllegalArgumentException("unknown metric " + score.metric());
            }
        }
        return to;
    }

    public static FeedbackComment toComment(CommentedFeedback comment) {
        return new FeedbackComment(comment.feedbackId(), comment.commentedAt(), comment.text(), comment.language());
    }

    /** The correction as {@code author} (the signed-in person) made it. */
    public static Correction toCorrection(CorrectionRequest request, String author) {
        return new Correction(request.sentiment(), request.type(), request.themes(), request.urgency(),
                request.priority(), author, request.note());
    }

    public static FeedbackCategorizedEvent toEvent(Categorization c, CategorizationChange change) {
        return new FeedbackCategorizedEvent(c.feedbackId, change == null ? c.categorizedAt : c.updatedAt, c.respondedAt,
                c.channel, c.touchpoint, c.journeyStage,
                new FeedbackCategorizedEvent.Customer(c.customerId, c.customerSegment, c.customerLocale),
                c.npsScore, c.npsClass, scores(c, FeedbackCategorizedEvent.Score::new), c.text, c.language,
                sentiment(c), type(c), themes(c), List.of(c.urgency), c.priority, c.knowledgeVersion, c.modelVersion,
                Arrays.asList(c.correctedFields), change == null ? null : toEvent(change));
    }

    public static CategorizationView toView(Categorization c) {
        return new CategorizationView(c.feedbackId, c.respondedAt, c.channel, c.touchpoint, c.journeyStage,
                c.customerSegment, c.npsScore, c.npsClass, scores(c, CategorizationView.Score::new), c.text, c.language,
                sentiment(c), type(c), themes(c), List.of(c.urgency), c.priority, c.knowledgeVersion, c.modelVersion,
                Arrays.asList(c.correctedFields), c.correctedBy, c.correctedAt, c.categorizedAt, c.updatedAt);
    }

    public static CorrectionView toView(CorrectionRecord correction) {
        return new CorrectionView(correction.id, correction.feedbackId, correction.correctedAt, correction.correctedBy,
                correction.note, toView(correction.before), toView(correction.after));
    }

    private static CorrectionView.Labels toView(CorrectionRecord.Labels labels) {
        return new CorrectionView.Labels(labels.sentiment(), labels.type(), labels.themes(), labels.urgency(),
                labels.priority());
    }

    private static FeedbackCategorizedEvent.Change toEvent(CategorizationChange change) {
        CategorizationChange.Previous previous = change.previous();
        return new FeedbackCategorizedEvent.Change(change.reason(), change.changedFields(),
                new FeedbackCategorizedEvent.Previous(previous.sentiment(), previous.type(), previous.themes(),
                        previous.urgency(), previous.priority(), previous.language()),
                change.recategorizationId(), change.correctedBy());
    }

    /** The view and the event each have their own record of a score, of the same shape. */
    @FunctionalInterface
    private interface ScoreRecord<S> {
        S of(String metric, int value, int scaleMin, int scaleMax, String scoreClass);
    }

    private static <S> List<S> scores(Categorization c, ScoreRecord<S> record) {
        return c.feedbackText().scores().stream().map(score -> record.of(score.metric().name().toLowerCase(Locale.ROOT),
                score.value(), score.scaleMin(), score.scaleMax(), ScoreClasses.of(score))).toList();
    }

    private static List<Understanding.ThemeMatch> themes(Categorization c) {
        return c.themes.stream()
                .map(t -> new Understanding.ThemeMatch(t.theme, List.of(t.matchedTerms), t.source)).toList();
    }

    private static Understanding.Sentiment sentiment(Categorization c) {
        return c.sentiment == null ? null : new Understanding.Sentiment(c.sentiment,
                c.sentimentScore == null ? 0 : c.sentimentScore, c.sentimentConfidence == null ? 0 : c.sentimentConfidence);
    }

    private static Understanding.Classified type(Categorization c) {
        return c.type == null ? null : new Understanding.Classified(c.type, c.typeConfidence == null ? 0 : c.typeConfidence);
    }
}
