package io.feedbackloop.categorize.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes with add-one smoothing: few parameters, trains in one pass, and stays
 * sensible with the tens to thousands of corrected examples a CX team produces. Its state is
 * plain counts, so it is stored as JSON and read back exactly.
 */
public final class NaiveBayes {

    /** Counts per class: documents, and occurrences of each feature. */
    public record State(Map<String, Integer> documents, Map<String, Map<String, Integer>> features) {
    }

    private final Map<String, Integer> documents;
    private final Map<String, Map<String, Integer>> features;
    private final Map<String, Integer> featureTotals = new HashMap<>();
    private final int vocabulary;
    private final Set<String> vocabularyWords;
    private final int totalDocuments;

    public NaiveBayes(State state) {
        this.documents = state.documents();
        this.features = state.features();
        Set<String> words = new HashSet<>();
        features.forEach((label, counts) -> {
            featureTotals.put(label, counts.values().stream().mapToInt(Integer::intValue).sum());
            words.addAll(counts.keySet());
        });
        this.vocabulary = words.size();
        this.vocabularyWords = words;
        this.totalDocuments = documents.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static final class Builder {
        private final Map<String, Integer> documents = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> features = new LinkedHashMap<>();

        public Builder add(String label, Collection<String> words) {
            documents.merge(label, 1, Integer::sum);
            Map<String, Integer> counts = features.computeIfAbsent(label, k -> new HashMap<>());
            words.forEach(w -> counts.merge(w, 1, Integer::sum));
            return this;
        }

        public NaiveBayes build() {
            return new NaiveBayes(new State(documents, features));
        }
    }

    public State state() {
        return new State(documents, features);
    }

    public int examples() {
        return totalDocuments;
    }

    public int classes() {
        return documents.size();
    }

    public int examplesOf(String label) {
        return documents.getOrDefault(label, 0);
    }

    /** Whether any of these features was seen in training: without one, the model has nothing to go on. */
    public boolean knowsAny(Collection<String> words) {
        for (String word : words) {
            if (vocabularyWords.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Probability of each class for a document with these features, with equal class priors:
     * corrections are not a random sample of feedback (people correct what is wrong), so their
     * class frequencies say nothing about new feedback; the words decide.
     */
    public Map<String, Double> posterior(Collection<String> words) {
        Map<String, Double> logs = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Integer> label : documents.entrySet()) {
            Map<String, Integer> counts = features.get(label.getKey());
            double denominator = Math.log(featureTotals.get(label.getKey()) + vocabulary + 1.0);
            double log = 0;
            for (String word : words) {
                if (vocabularyWords.contains(word)) {   // an unseen word says nothing about any class
                    log += Math.log(counts.getOrDefault(word, 0) + 1.0) - denominator;
                }
            }
            logs.put(label.getKey(), log);
            max = Math.max(max, log);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            e.setValue(Math.exp(e.getValue() - max));
            sum += e.getValue();
        }
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            e.setValue(e.getValue() / sum);
        }
        return logs;
    }
}
