package io.feedbackloop.categorize.text;

/**
 * The class of an answer on its own scale: NPS promoter/passive/detractor (9–10, 7–8, 0–6),
 * CSAT good/neutral/bad (the top two, the middle, the bottom two of a 1–5 scale), CES
 * agree/neutral/disagree (above, at, below the middle of the scale: 5–7, 4, 1–3 on 1–7).
 */
public final class ScoreClasses {

    private ScoreClasses() {
    }

    public static String nps(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, not " + score);
        }
        return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    }

    public static String csat(int value, int min, int max) {
        if (value >= max - 1) {
            return "good";
        }
        return value <= min + 1 ? "bad" : "neutral";
    }

    public static String ces(int value, int min, int max) {
        int doubled = 2 * value;
        if (doubled > min + max) {
            return "agree";
        }
        return doubled == min + max ? "neutral" : "disagree";
    }

    public static String of(FeedbackText.Score score) {
        return switch (score.metric()) {
            case NPS -> nps(score.value());
            case CSAT -> csat(score.value(), score.scaleMin(), score.scaleMax());
            case CES -> ces(score.value(), score.scaleMin(), score.scaleMax());
        };
    }

    /**
     * How much the score says about sentiment, −2 (very unhappy) to +1.5 (very happy): a 0–4
     * detractor is angrier than a 6, and a passive 8 leans positive.
     */
    public static double sentimentPrior(FeedbackText.Score score) {
        double position = (double) (score.value() - score.scaleMin()) / (score.scaleMax() - score.scaleMin());
        return switch (score.metric()) {
            case NPS -> score.value() >= 9 ? 1.5 : score.value() >= 7 ? (score.value() == 8 ? 0.4 : 0.0)
                    : score.value() >= 5 ? -1.25 : -2.0;
            case CSAT, CES -> position >= 0.99 ? 1.5 : position >= 0.66 ? 1.0 : position > 0.34 ? 0.0
                    : position > 0.01 ? -1.25 : -2.0;
        };
    }
}
