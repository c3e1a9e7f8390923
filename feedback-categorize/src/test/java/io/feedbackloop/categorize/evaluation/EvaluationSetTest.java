package io.feedbackloop.categorize.evaluation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.feedbackloop.categorize.text.Lexicons;
import io.feedbackloop.categorize.text.TextCategorizer;

/**
 * The shipped evaluation set is well-formed, and the shipped knowledge does not fall back on it.
 * The floors are regression guards about 5 points below what was measured on the TEST split when
 * they were set, not targets: raise them when the knowledge gets better. See the full figures with
 * {@code feedback-categorize/evaluation/run}.
 */
class EvaluationSetTest {

    static EvaluationSet set;
    static TextCategorizer rules;

    @BeforeAll
    static void load() {
        set = EvaluationSet.shipped();
        rules = EvaluationSet.shippedRules();
    }

    @Test
    void isLargeEnoughForBothLanguages() {
        assertTrue(set.size() >= 300, "items: " + set.size());
        for (String language : List.of("en", "ru")) {
            EvaluationSet part = set.language(language);
            assertTrue(part.size() >= 150, language + " items: " + part.size());
            // each split holds a fair share of each language, so test figures are not dev figures in disguise
            for (String split : List.of("dev", "test")) {
                int inSplit = part.split(split).size();
                assertTrue(inSplit >= 0.4 * part.size(), language + " " + split + " items: " + inSplit);
            }
        }
    }

    @Test
    void labelsComeFromTheAllowedSetsAndTheShippedTaxonomy() {
        Set<String> themePaths = rules.knowledge().themePaths();
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        List<Executable> checks = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            String where = item.id() + ": ";
            boolean newId = ids.add(item.id());
            boolean newText = texts.add(String.join(" ", item.text().toLowerCase(Locale.ROOT).split("\\s+")));
            checks.add(() -> assertTrue(newId, where + "duplicate id"));
            checks.add(() -> assertTrue(newText, where + "the same text is in the set twice"));
            checks.add(() -> assertTrue(!item.text().isBlank(), where + "blank text"));
            checks.add(() -> assertTrue(Set.of("dev", "test").contains(item.split()), where + "split " + item.split()));
            checks.add(() -> assertTrue(Set.of("en", "ru", "other").contains(item.language()),
                    where + "language " + item.language()));
            checks.add(() -> assertTrue(TextCategorizer.SENTIMENTS.contains(item.labelled().sentiment()),
                    where + "sentiment " + item.labelled().sentiment()));
            checks.add(() -> assertTrue(TextCategorizer.TYPES.contains(item.labelled().type()),
                    where + "type " + item.labelled().type()));
            checks.add(() -> assertTrue(themePaths.containsAll(item.labelled().themes()),
                    where + "themes outside the taxonomy: " + item.labelled().themes()));
            checks.add(() -> assertTrue(Lexicons.URGENCY.containsAll(item.urgency()), where + "urgency " + item.urgency()));
        }
        assertAll(checks);
    }

    /*
     * Measured on the TEST split with the shipped knowledge when these floors were set (rules only).
     * The lexicons were last tuned by reading errors on the DEV split only; TEST stays held out.
     *
     *   lang  items  language  sentiment  type   theme F1 exact  theme F1 groups  urgency P / R
     *   en       99      99.0       74.7  75.8             61.6             81.8
     *   ru       97     100.0       69.1  69.1             48.8             69.8
     *   all     202      99.5       72.8  71.8             54.7             74.9      81.3 / 56.5
     *
     * Rules + a model trained on the DEV split, graded on TEST (all): sentiment 80.2, type 72.8,
     * theme F1 54.9 (exact) / 74.4 (groups).
     */

    @Test
    void englishOnTheTestSplitStaysAboveItsFloors() {
        floors("en", 0.94, 0.69, 0.70, 0.56, 0.76);
    }

    @Test
    void russianOnTheTestSplitStaysAboveItsFloors() {
        floors("ru", 0.95, 0.64, 0.64, 0.43, 0.64);
    }

    @Test
    void allLanguagesOnTheTestSplitStayAboveTheirFloors() {
        EvaluationReport.Figures all = floors("all", 0.94, 0.67, 0.66, 0.49, 0.69);
        assertAll(
                () -> atLeast("all urgency precision", 0.76, all.urgency().precision()),
                () -> atLeast("all urgency recall", 0.51, all.urgency().recall()));
    }

    @Test
    void aModelLearnedFromTheDevSplitKeepsItsGainOnTheTestSplit() {
        EvaluationSet test = set.split("test");
        EvaluationReport.Figures learned = EvaluationReport.figures(test,
                EvaluationReport.learnedFromDev(rules, set)::categorize);
        assertEquals(test.size(), learned.items());
        assertAll(
                () -> atLeast("sentiment with the model", 0.75, learned.scores().sentimentAccuracy()),
                () -> atLeast("type with the model", 0.67, learned.scores().typeAccuracy()),
                () -> atLeast("theme F1 with the model", 0.49, learned.scores().themes().f1()));
    }

    private static EvaluationReport.Figures floors(String language, double languageDetection, double sentiment,
                                                   double type, double themeF1, double themeGroupF1) {
        EvaluationReport.Figures f = EvaluationReport.figures(set.split("test").language(language), rules::categorize);
        assertAll(
                () -> atLeast(language + " language detection", languageDetection, f.languageAccuracy()),
                () -> atLeast(language + " sentiment", sentiment, f.scores().sentimentAccuracy()),
                () -> atLeast(language + " type", type, f.scores().typeAccuracy()),
                () -> atLeast(language + " theme F1 (exact paths)", themeF1, f.scores().themes().f1()),
                () -> atLeast(language + " theme F1 (groups)", themeGroupF1, f.scores().themeGroups().f1()));
        return f;
    }

    private static void atLeast(String what, double floor, double measured) {
        assertTrue(measured >= floor, String.format(Locale.ROOT, "%s on the test split fell to %.1f%% (floor %.1f%%)",
                what, 100 * measured, 100 * floor));
    }
}
