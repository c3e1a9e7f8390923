package io.feedbackloop.categorize.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people's corrections taught: a sentiment and a type classifier, and one yes/no classifier
 * per theme, over the words of the text and the class of its scores. It only overrides the rules
 * where it is confident and has seen enough examples, so a handful of corrections cannot undo the
 * lexicons.
 */
public final class LearnedModel {

    /** Fewest examples a classifier needs before it may override a rule. */
    public static final int MIN_EXAMPLES = 10;
    /** Fewest examples that carry a theme before its classifier may add or remove it. */
    public static final int MIN_THEME_EXAMPLES = 4;
    static final double OVERRIDE_AT = 0.8;

    /** Stored form. */
    public record State(NaiveBayes.State sentiment, NaiveBayes.State type, Map<String, NaiveBayes.State> themes) {
    }

    private final int version;
    private final NaiveBayes sentiment;
    private final NaiveBayes type;
    private final Map<String, NaiveBayes> themes;

    public LearnedModel(int version, State state) {
        this.version = version;
        this.sentiment = new NaiveBayes(state.sentiment());
        this.type = new NaiveBayes(state.type());
        this.themes = new LinkedHashMap<>();
        state.themes().forEach((theme, s) -> themes.put(theme, new NaiveBayes(s)));
    }

    public int version() {
        return version;
    }

    public State state() {
        Map<String, NaiveBayes.State> themeStates = new LinkedHashMap<>();
        themes.forEach((theme, model) -> themeStates.put(theme, model.state()));
        return new State(sentiment.state(), type.state(), themeStates);
    }

    /** Trains on examples people labelled (every feedback a person corrected: all its labels were reviewed). */
    public static LearnedModel train(int version, Collection<Example> examples, Set<String> knownThemes) {
        NaiveBayes.Builder sentiments = new NaiveBayes.Builder();
        NaiveBayes.Builder types = new NaiveBayes.Builder();
        Map<String, NaiveBayes.Builder> themeModels = new LinkedHashMap<>();
        for (String theme : knownThemes) {
            themeModels.put(theme, new NaiveBayes.Builder());
        }
        for (Example example : examples) {
            sentiments.add(example.sentiment(), example.features());
            types.add(example.type(), example.features());
            themeModels.forEach((theme, model) -> model.add(example.themes().contains(theme) ? "yes" : "no",
                    example.features()));
        }
        Map<String, NaiveBayes.State> themeStates = new LinkedHashMap<>();
        themeModels.forEach((theme, builder) -> {
            NaiveBayes model = builder.build();
            if (model.examplesOf("yes") >= MIN_THEME_EXAMPLES) {
                themeStates.put(theme, model.state());
            }
        });
        return new LearnedModel(version, new State(sentiments.build().state(), types.build().state(), themeStates));
    }

    /** One labelled feedback: its features (see {@link TextCategorizer#features}) and what a person says it is. */
    public record Example(List<String> features, String sentiment, String type, Set<String> themes) {
    }

    /** The rules' understanding, with the labels this model is confident about put in place. */
    Understanding refine(Understanding rules, List<String> features, List<FeedbackText.Score> scores) {
        Understanding.Sentiment sentimentOut = rules.sentiment();
        Prediction s = predict(sentiment, features);
        if (s != null && !s.label().equals(rules.sentiment().label())) {
            sentimentOut = new Understanding.Sentiment(s.label(), rules.sentiment().score(), TextCategorizer.round(s.p()));
        }
        Understanding.Classified typeOut = rules.type();
        Prediction t = predict(type, features);
        if (t != null && !t.label().equals(rules.type().label())) {
            typeOut = new Understanding.Classified(t.label(), TextCategorizer.round(t.p()));
        }
        // the model adds themes the lexicons miss; it never removes a matched one (fix the lexicon for that)
        List<Understanding.ThemeMatch> themesOut = new ArrayList<>(rules.themes());
        themes.forEach((theme, model) -> {
            boolean present = themesOut.stream().anyMatch(m -> m.theme().equals(theme) || m.theme().startsWith(theme + "/"));
            if (!present && model.knowsAny(features) && model.posterior(features).getOrDefault("yes", 0.0) >= OVERRIDE_AT) {
                themesOut.add(new Understanding.ThemeMatch(theme, List.of(), "model"));
            }
        });
        if (sentimentOut == rules.sentiment() && typeOut == rules.type() && themesOut.equals(rules.themes())) {
            return rules;
        }
        return new Understanding(rules.language(), sentimentOut, typeOut, themesOut, rules.urgency(),
                TextCategorizer.priority(sentimentOut.label(), typeOut.label(), rules.urgency(), scores));
    }

    private record Prediction(String label, double p) {
    }

    private static Prediction predict(NaiveBayes model, List<String> features) {
        if (model.examples() < MIN_EXAMPLES || model.classes() < 2 || !model.knowsAny(features)) {
            return null;
        }
        Map.Entry<String, Double> best = model.posterior(features).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        return best.getValue() >= OVERRIDE_AT ? new Prediction(best.getKey(), best.getValue()) : null;
    }
}
