package io.feedbackloop.categorize.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How well a categorizer agrees with people: sentiment and type accuracy, and theme precision,
 * recall and F1 both for exact taxonomy paths and for their groups ("delivery/late" counts as
 * "delivery").
 */
public final class Evaluation {

    /** Agreement figures over {@code items} examples. */
    public record Scores(int items, double sentimentAccuracy, double typeAccuracy, ThemeScores themes,
                         ThemeScores themeGroups) {
    }

    public record ThemeScores(double precision, double recall, double f1, int truePositives, int falsePositives,
                              int falseNegatives) {
    }

    /** Figures of the rules alone, and of the rules with a model learned from the other examples. */
    public record Comparison(int examples, int folds, Scores before, Scores after) {
    }

    private Evaluation() {
    }

    public static Scores score(List<LabelledFeedback> items, Function<FeedbackText, Understanding> categorizer) {
        Tally tally = new Tally();
        for (LabelledFeedback item : items) {
            tally.add(item, categorizer.apply(item.feedback()));
        }
        return tally.scores();
    }

    /**
     * k-fold cross-validation: each example is categorized by the rules plus a model trained on
     * the other folds, so the "after" figure never grades the model on what it learned from.
     */
    public static Comparison crossValidate(TextCategorizer rules, List<LabelledFeedback> examples, int folds) {
        Tally before = new Tally();
        Tally after = new Tally();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledFeedback> training = new ArrayList<>();
            List<LabelledFeedback> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % folds == fold ? held : training).add(examples.get(i));
            }
            TextCategorizer learned = rules.withModel(train(rules, training, 0));
            for (LabelledFeedback item : held) {
                before.add(item, rules.categorizeByRules(item.feedback()));
                after.add(item, learned.categorize(item.feedback()));
            }
        }
        return new Comparison(examples.size(), folds, before.scores(), after.scores());
    }

    public static LearnedModel train(TextCategorizer rules, List<LabelledFeedback> examples, int version) {
        List<LearnedModel.Example> training = examples.stream()
                .map(e -> new LearnedModel.Example(rules.features(e.feedback()), e.sentiment(), e.type(), e.themes()))
                .toList();
        return LearnedModel.train(version, training, rules.knowledge().themePaths());
    }

    private static final class Tally {
        int items;
        int sentimentRight;
        int typeRight;
        final int[] exact = new int[3];
        final int[] groups = new int[3];

        void add(LabelledFeedback item, Understanding got) {
            items++;
            sentimentRight += item.sentiment().equals(got.sentiment().label()) ? 1 : 0;
            typeRight += item.type().equals(got.type().label()) ? 1 : 0;
            count(exact, item.themes(), new HashSet<>(got.themeIds()));
            count(groups, groupsOf(item.themes()), groupsOf(got.themeIds()));
        }

        private static Set<String> groupsOf(java.util.Collection<String> themes) {
            Set<String> groups = new HashSet<>();
            themes.forEach(t -> groups.add(t.split("/")[0]));
            return groups;
        }

        private static void count(int[] counts, Set<String> expected, Set<String> got) {
            for (String theme : got) {
                counts[expected.contains(theme) ? 0 : 1]++;
            }
            for (String theme : expected) {
                counts[2] += got.contains(theme) ? 0 : 1;
            }
        }

        Scores scores() {
            return new Scores(items, ratio(sentimentRight, items), ratio(typeRight, items), themes(exact), themes(groups));
        }

        private static ThemeScores themes(int[] c) {
            double precision = ratio(c[0], c[0] + c[1]);
            double recall = ratio(c[0], c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : TextCategorizer.round(2 * precision * recall / (precision + recall));
            return new ThemeScores(precision, recall, f1, c[0], c[1], c[2]);
        }

        private static double ratio(int numerator, int denominator) {
            return denominator == 0 ? 0 : TextCategorizer.round((double) numerator / denominator);
        }
    }
}
