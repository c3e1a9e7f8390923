package io.feedbackloop.categorize.evaluation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.feedbackloop.categorize.text.Evaluation;
import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.LearnedModel;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.categorize.text.Understanding;

/**
 * Prints how well the shipped knowledge agrees with the labelled evaluation set, per language and
 * split, and what a model learned from the dev split's labels adds on the test split (what ops'
 * corrections do in production). A tool, not a test: run it with {@code evaluation/run [file.jsonl]}.
 * Sentiment, type and theme figures come from {@link Evaluation}; language detection, urgency and
 * the confusion matrices are counted here.
 */
public final class EvaluationReport {

    static final List<String> LANGUAGES = List.of("en", "ru", "other", "all");
    static final List<String> SPLITS = List.of("dev", "test", "all");
    static final List<String> DETECTED_LANGUAGES = List.of("en", "ru", "other");

    private static final PrintStream out = System.out;

    private EvaluationReport() {
    }

    /** Precision and recall counts of a set-valued label (urgency flags). */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        boolean hasPredictions() {
            return truePositives + falsePositives > 0;
        }

        boolean hasExpected() {
            return truePositives + falseNegatives > 0;
        }
    }

    /** All figures of one categorizer on one part of the set. */
    public record Figures(Evaluation.Scores scores, double languageAccuracy, Counts urgency) {

        public int items() {
            return scores.items();
        }
    }

    /** Categorizes each item once and grades the results. */
    public static Figures figures(EvaluationSet set, Function<FeedbackText, Understanding> categorizer) {
        Map<FeedbackText, Understanding> got = categorizeAll(set, categorizer);
        Evaluation.Scores scores = Evaluation.score(set.labelled(), got::get);
        int languageRight = 0;
        int[] urgency = new int[3];
        for (EvaluationSet.Item item : set.items()) {
            Understanding understanding = got.get(item.feedback());
            languageRight += item.language().equals(understanding.language()) ? 1 : 0;
            Set<String> flags = new HashSet<>(understanding.urgencyFlags());
            for (String flag : flags) {
                urgency[item.urgency().contains(flag) ? 0 : 1]++;
            }
            for (String flag : item.urgency()) {
                urgency[2] += flags.contains(flag) ? 0 : 1;
            }
        }
        return new Figures(scores, ratio(languageRight, set.size()), new Counts(urgency[0], urgency[1], urgency[2]));
    }

    /** The rules plus a model trained on the dev split's labels, as ops' corrections would train it. */
    public static TextCategorizer learnedFromDev(TextCategorizer rules, EvaluationSet set) {
        return rules.withModel(Evaluation.train(rules, set.split("dev").labelled(), 1));
    }

    public static void main(String[] args) {
        Path path = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : null;
        EvaluationSet set = path == null ? EvaluationSet.shipped() : EvaluationSet.load(path);
        TextCategorizer rules = EvaluationSet.shippedRules();

        out.printf("Evaluation set: %s (%d items; %d dev, %d test)%n",
                path == null ? "shipped" : path.toAbsolutePath().normalize(), set.size(), set.split("dev").size(),
                set.split("test").size());
        out.printf("Knowledge: %s (%d theme paths), rules only unless stated%n", EvaluationSet.KNOWLEDGE,
                rules.knowledge().themePaths().size());
        out.println("Figures are percentages; P = precision, R = recall; urgency tp/fp/fn = flags right / raised wrongly / missed.");

        Map<FeedbackText, Understanding> byRules = categorizeAll(set, rules::categorize);
        for (String split : SPLITS) {
            out.println();
            out.printf("== split: %s ==%n", split);
            agreementTable(set.split(split), byRules::get);
        }

        out.println();
        out.println("== confusion matrices, all items, rules only (rows: the person's label, columns: the categorizer's) ==");
        confusion("language", DETECTED_LANGUAGES, set, byRules, EvaluationSet.Item::language, Understanding::language);
        confusion("sentiment", TextCategorizer.SENTIMENTS, set, byRules, i -> i.labelled().sentiment(),
                u -> u.sentiment().label());
        confusion("type", TextCategorizer.TYPES, set, byRules, i -> i.labelled().type(), u -> u.type().label());

        learningFromCorrections(set, rules, byRules);
    }

    private static void agreementTable(EvaluationSet set, Function<FeedbackText, Understanding> categorizer) {
        out.printf("%-6s %5s  %6s %6s %6s   %-20s   %-20s   %s%n", "", "", "", "", "",
                "themes: exact paths", "themes: groups", "urgency");
        out.printf("%-6s %5s  %6s %6s %6s   %6s %6s %6s   %6s %6s %6s   %6s %6s  %s%n", "lang", "items",
                "lang", "sent", "type", "P", "R", "F1", "P", "R", "F1", "P", "R", "tp/fp/fn");
        for (String language : LANGUAGES) {
            EvaluationSet part = set.language(language);
            if (part.size() == 0) {
                out.printf("%-6s %5d%n", language, 0);
                continue;
            }
            Figures f = figures(part, categorizer);
            Evaluation.Scores s = f.scores();
            Counts u = f.urgency();
            out.printf("%-6s %5d  %6s %6s %6s   %6s %6s %6s   %6s %6s %6s   %6s %6s  %s%n", language, f.items(),
                    pct(f.languageAccuracy()), pct(s.sentimentAccuracy()), pct(s.typeAccuracy()),
                    pct(s.themes().precision()), pct(s.themes().recall()), pct(s.themes().f1()),
                    pct(s.themeGroups().precision()), pct(s.themeGroups().recall()), pct(s.themeGroups().f1()),
                    u.hasPredictions() ? pct(u.precision()) : "-", u.hasExpected() ? pct(u.recall()) : "-",
                    u.truePositives() + "/" + u.falsePositives() + "/" + u.falseNegatives());
        }
    }

    private static void confusion(String name, List<String> labels, EvaluationSet set,
                                  Map<FeedbackText, Understanding> got, Function<EvaluationSet.Item, String> expected,
                                  Function<Understanding, String> actual) {
        List<String> columns = new ArrayList<>(labels);
        for (EvaluationSet.Item item : set.items()) {   // labels outside the known set still get a row and column
            addIfNew(columns, expected.apply(item));
            addIfNew(columns, actual.apply(got.get(item.feedback())));
        }
        int[][] counts = new int[columns.size()][columns.size()];
        for (EvaluationSet.Item item : set.items()) {
            counts[columns.indexOf(expected.apply(item))][columns.indexOf(actual.apply(got.get(item.feedback())))]++;
        }
        int width = Math.max(9, columns.stream().mapToInt(String::length).max().orElse(0) + 1);
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-" + (width + 2) + "s", name));
        columns.forEach(c -> header.append(String.format("%" + width + "s", c)));
        header.append(String.format("%8s %8s", "total", "recall"));
        out.println(header);
        int[] columnTotals = new int[columns.size()];
        int right = 0;
        for (int r = 0; r < columns.size(); r++) {
            int total = 0;
            StringBuilder row = new StringBuilder(String.format("  %-" + width + "s", columns.get(r)));
            for (int c = 0; c < columns.size(); c++) {
                row.append(String.format("%" + width + "d", counts[r][c]));
                total += counts[r][c];
                columnTotals[c] += counts[r][c];
            }
            right += counts[r][r];
            row.append(String.format("%8d %8s", total, total == 0 ? "-" : pct(ratio(counts[r][r], total))));
            out.println(row);
        }
        StringBuilder precision = new StringBuilder(String.format("  %-" + width + "s", "precision"));
        for (int c = 0; c < columns.size(); c++) {
            precision.append(String.format("%" + width + "s",
                    columnTotals[c] == 0 ? "-" : pct(ratio(counts[c][c], columnTotals[c]))));
        }
        precision.append(String.format("%8d %8s", set.size(), "acc " + pct(ratio(right, set.size()))));
        out.println(precision);
    }

    private static void learningFromCorrections(EvaluationSet set, TextCategorizer rules,
                                                Map<FeedbackText, Understanding> byRules) {
        EvaluationSet dev = set.split("dev");
        EvaluationSet test = set.split("test");
        out.println();
        out.println("== learning from corrections: rules alone vs rules + a model trained on the dev split, graded on the test split ==");
        if (dev.size() == 0 || test.size() == 0) {
            out.println("(needs both a dev and a test split)");
            return;
        }
        TextCategorizer learned = learnedFromDev(rules, set);
        LearnedModel model = learned.model();
        out.printf("model trained on %d dev examples; theme classifiers for %d of %d theme paths (those with >= %d examples)%n",
                dev.size(), model.state().themes().size(), rules.knowledge().themePaths().size(),
                LearnedModel.MIN_THEME_EXAMPLES);
        Map<FeedbackText, Understanding> byModel = categorizeAll(test, learned::categorize);

        out.printf("%-6s %-8s %5s  %6s %6s   %-20s   %s%n", "", "", "", "", "", "themes: exact paths",
                "themes: groups");
        out.printf("%-6s %-8s %5s  %6s %6s   %6s %6s %6s   %6s %6s %6s%n", "lang", "", "items", "sent", "type",
                "P", "R", "F1", "P", "R", "F1");
        for (String language : LANGUAGES) {
            EvaluationSet part = test.language(language);
            if (part.size() == 0) {
                continue;
            }
            Evaluation.Scores before = Evaluation.score(part.labelled(), byRules::get);
            Evaluation.Scores after = Evaluation.score(part.labelled(), byModel::get);
            learningRow(language, "rules", before);
            learningRow("", "+model", after);
            out.printf("%-6s %-8s %5s  %6s %6s   %6s %6s %6s   %6s %6s %6s%n", "", "change", "",
                    delta(before.sentimentAccuracy(), after.sentimentAccuracy()),
                    delta(before.typeAccuracy(), after.typeAccuracy()),
                    delta(before.themes().precision(), after.themes().precision()),
                    delta(before.themes().recall(), after.themes().recall()),
                    delta(before.themes().f1(), after.themes().f1()),
                    delta(before.themeGroups().precision(), after.themeGroups().precision()),
                    delta(before.themeGroups().recall(), after.themeGroups().recall()),
                    delta(before.themeGroups().f1(), after.themeGroups().f1()));
        }

        // what the model overrode on the test split, and whether the override agreed with the person
        int[] sentiment = new int[3];
        int[] type = new int[3];
        int themesAdded = 0;
        int themesAddedRight = 0;
        int themesRemoved = 0;
        int themesRemovedRight = 0;
        for (EvaluationSet.Item item : test.items()) {
            Understanding r = byRules.get(item.feedback());
            Understanding m = byModel.get(item.feedback());
            tallyOverride(sentiment, item.labelled().sentiment(), r.sentiment().label(), m.sentiment().label());
            tallyOverride(type, item.labelled().type(), r.type().label(), m.type().label());
            Set<String> ruleThemes = new HashSet<>(r.themeIds());
            Set<String> modelThemes = new HashSet<>(m.themeIds());
            for (String theme : modelThemes) {
                if (!ruleThemes.contains(theme)) {
                    themesAdded++;
                    themesAddedRight += item.labelled().themes().contains(theme) ? 1 : 0;
                }
            }
            for (String theme : ruleThemes) {
                if (!modelThemes.contains(theme)) {
                    themesRemoved++;
                    themesRemovedRight += item.labelled().themes().contains(theme) ? 0 : 1;
                }
            }
        }
        out.println();
        out.printf("model overrides on %d test items: sentiment %d (%d fixed, %d broke), type %d (%d fixed, %d broke), "
                        + "themes added %d (%d right), themes removed %d (%d rightly)%n", test.size(),
                sentiment[0], sentiment[1], sentiment[2], type[0], type[1], type[2], themesAdded, themesAddedRight,
                themesRemoved, themesRemovedRight);
    }

    private static void learningRow(String language, String label, Evaluation.Scores s) {
        out.printf("%-6s %-8s %5d  %6s %6s   %6s %6s %6s   %6s %6s %6s%n", language, label, s.items(),
                pct(s.sentimentAccuracy()), pct(s.typeAccuracy()),
                pct(s.themes().precision()), pct(s.themes().recall()), pct(s.themes().f1()),
                pct(s.themeGroups().precision()), pct(s.themeGroups().recall()), pct(s.themeGroups().f1()));
    }

    /** counts[0] overrides, counts[1] wrong rule made right, counts[2] right rule made wrong. */
    private static void tallyOverride(int[] counts, String expected, String byRules, String byModel) {
        if (!byRules.equals(byModel)) {
            counts[0]++;
            counts[1] += byModel.equals(expected) ? 1 : 0;
            counts[2] += byRules.equals(expected) ? 1 : 0;
        }
    }

    static Map<FeedbackText, Understanding> categorizeAll(EvaluationSet set,
                                                         Function<FeedbackText, Understanding> categorizer) {
        Map<FeedbackText, Understanding> got = new IdentityHashMap<>();
        for (EvaluationSet.Item item : set.items()) {
            got.computeIfAbsent(item.feedback(), categorizer);
        }
        return got;
    }

    private static void addIfNew(List<String> labels, String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f", 100 * ratio);
    }

    private static String delta(double before, double after) {
        return String.format(Locale.ROOT, "%+.1f", 100 * (after - before));
    }
}
