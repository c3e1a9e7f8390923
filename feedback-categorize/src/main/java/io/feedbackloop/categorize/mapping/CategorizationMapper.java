package io.feedbackloop.categorize.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedbackloop.categorize.events.FeedbackCategorizedEvent;
import io.feedbackloop.categorize.events.ReceivedFeedback;
import io.feedbackloop.categorize.model.AssignedTheme;
import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CorrectionRecord;
import io.feedbackloop.categorize.api.CategorizationView;
import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.ScoreClasses;
import io.feedbackloop.categorize.text.Understanding;

public final class CategorizationMapper {

    private CategorizationMapper() {
    }

    public static void copyFeedback(ReceivedFeedback from, Categorization to) {
        to.feedbackId = from.feedbackId();
        to.receivedAt = from.receivedAt();
        to.respondedAt = from.respondedAt() != null ? from.respondedAt() : from.receivedAt();
        to.channel = from.channel();
        to.touchpoint = from.touchpoint();
        to.journeyStage = from.journeyStage();
        to.customerId = from.customer().id();
        to.customerEmail = from.customer().email();
        to.customerPhone = from.customer().phone();
        to.customerName = from.customer().name();
        to.customerSegment = from.customer().segment();
        to.customerLocale = from.customer().locale();
        to.declaredLanguage = from.language();
        to.text = from.text();
        for (ReceivedFeedback.Score score : from.allScores()) {
            switch (score.metric()) {
                case "nps" -> {
                    to.npsScore = score.value();
                    to.npsClass = ScoreClasses.nps(score.value());
                }
                case "csat" -> {
                    to.csatScore = score.value();
                    to.csatScaleMin = score.scaleMin();
                    to.csatScaleMax = score.scaleMax();
                    to.csatClass = ScoreClasses.csat(score.value(), score.scaleMin(), score.scaleMax());
                }
                case "ces" -> {
                    to.cesScore = score.value();
                    to.cesScaleMin = score.scaleMin();
                    to.cesScaleMax = score.scaleMax();
                    to.cesClass = ScoreClasses.ces(score.value(), score.scaleMin(), score.scaleMax());
                }
                default -> throw new IllegalArgumentException("unknown metric " + score.metric());
            }
        }
        if (to.respondedAt == null) {
            to.respondedAt = java.time.Instant.now();
        }
    }

    /** What the categorizer reads: the words, the language the channel or the customer's locale declared, the scores. */
    public static FeedbackText toFeedbackText(Categorization c) {
        List<FeedbackText.Score> scores = new ArrayList<>();
        if (c.npsScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.NPS, c.npsScore, 0, 10));
        }
        if (c.csatScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.CSAT, c.csatScore, c.csatScaleMin, c.csatScaleMax));
        }
        if (c.cesScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.CES, c.cesScore, c.cesScaleMin, c.cesScaleMax));
        }
        return new FeedbackText(c.text, c.declaredLanguage != null ? c.declaredLanguage : c.customerLocale, scores);
    }

    public static List<FeedbackCategorizedEvent.Score> scores(Categorization c) {
        List<FeedbackCategorizedEvent.Score> scores = new ArrayList<>();
        for (FeedbackText.Score score : toFeedbackText(c).scores()) {
            scores.add(new FeedbackCategorizedEvent.Score(score.metric().name().toLowerCase(Locale.ROOT), score.value(),
                    score.scaleMin(), score.scaleMax(), ScoreClasses.of(score)));
        }
        return scores;
    }

    public static List<Understanding.ThemeMatch> themes(Categorization c) {
        return c.themes.stream()
                .map(t -> new Understanding.ThemeMatch(t.theme, List.of(t.matchedTerms), t.source)).toList();
    }

    public static List<AssignedTheme> assigned(List<Understanding.ThemeMatch> themes) {
        return new ArrayList<>(themes.stream()
                .map(t -> new AssignedTheme(t.theme(), t.matched().toArray(String[]::new), t.source())).toList());
    }

    public static CorrectionRecord.Labels labels(Categorization c) {
        return new CorrectionRecord.Labels(c.sentiment, c.type, c.themes.stream().map(t -> t.theme).toList(),
                List.of(c.urgency), c.priority);
    }

    public static FeedbackCategorizedEvent toEvent(Categorization c, FeedbackCategorizedEvent.Change change) {
        return new FeedbackCategorizedEvent(c.feedbackId, change == null ? c.categorizedAt : c.updatedAt, c.respondedAt,
                c.channel, c.touchpoint, c.journeyStage,
                new FeedbackCategorizedEvent.Customer(c.customerId, c.customerEmail, c.customerPhone, c.customerName,
                        c.customerSegment, c.customerLocale),
                c.npsScore, c.npsClass, scores(c), c.text, c.language, sentiment(c), type(c), themes(c),
                List.of(c.urgency), c.priority, c.knowledgeVersion, c.modelVersion, Arrays.asList(c.correctedFields),
                change);
    }

    public static CategorizationView toView(Categorization c) {
        return new CategorizationView(c.feedbackId, c.respondedAt, c.channel, c.touchpoint, c.journeyStage,
                c.customerSegment, c.npsScore, c.npsClass, scores(c), c.text, c.language, sentiment(c), type(c),
                themes(c), List.of(c.urgency), c.priority, c.knowledgeVersion, c.modelVersion,
                Arrays.asList(c.correctedFields), c.correctedBy, c.correctedAt, c.categorizedAt, c.updatedAt);
    }

    private static Understanding.Sentiment sentiment(Categorization c) {
        return c.sentiment == null ? null : new Understanding.Sentiment(c.sentiment,
                c.sentimentScore == null ? 0 : c.sentimentScore, c.sentimentConfidence == null ? 0 : c.sentimentConfidence);
    }

    private static Understanding.Classified type(Categorization c) {
        return c.type == null ? null : new Understanding.Classified(c.type, c.typeConfidence == null ? 0 : c.typeConfidence);
    }
}
