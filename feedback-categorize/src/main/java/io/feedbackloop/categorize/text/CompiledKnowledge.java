package io.feedbackloop.categorize.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A knowledge document turned into matchers over stemmed text. Built once per knowledge version
 * and shared by all threads (matchers are read-only after construction).
 */
public final class CompiledKnowledge {

    final TextAnalyzer analyzer;
    final int version;
    final PhraseMatcher<Double> sentiment = new PhraseMatcher<>(true);
    final PhraseMatcher<String> negators = new PhraseMatcher<>(true);
    final PhraseMatcher<String> intensifiers = new PhraseMatcher<>(true);
    final PhraseMatcher<String> contrast = new PhraseMatcher<>(true);
    final PhraseMatcher<String> question = new PhraseMatcher<>(true);
    final PhraseMatcher<String> idea = new PhraseMatcher<>(true);
    final PhraseMatcher<String> problem = new PhraseMatcher<>(true);
    final PhraseMatcher<String> urgency = new PhraseMatcher<>(false);
    final PhraseMatcher<String> themes = new PhraseMatcher<>(false);
    /** Every theme path, in taxonomy order, to its parent path (null for a group). */
    final Map<String, String> parentOf = new LinkedHashMap<>();

    public CompiledKnowledge(KnowledgeDocument document, int version, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.version = version;
        Map<String, Map<String, List<String>>> lexicons = document.lexicons() == null ? Map.of() : document.lexicons();
        addSentiment(lexicons, Lexicons.POSITIVE, 1.0);
        addSentiment(lexicons, Lexicons.STRONG_POSITIVE, 2.0);
        addSentiment(lexicons, Lexicons.NEGATIVE, -1.0);
        addSentiment(lexicons, Lexicons.STRONG_NEGATIVE, -2.0);
        add(lexicons, Lexicons.NEGATORS, negators);
        add(lexicons, Lexicons.INTENSIFIERS, intensifiers);
        add(lexicons, Lexicons.CONTRAST, contrast);
        add(lexicons, Lexicons.QUESTION, question);
        add(lexicons, Lexicons.IDEA, idea);
        add(lexicons, Lexicons.PROBLEM, problem);
        for (String flag : Lexicons.URGENCY) {
            add(lexicons, flag, urgency);
        }
        for (KnowledgeDocument.Theme group : document.themes() == null ? List.<KnowledgeDocument.Theme>of() : document.themes()) {
            addTheme(group, null);
        }
    }

    public int version() {
        return version;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    /** Every theme path the taxonomy defines. */
    public java.util.Set<String> themePaths() {
        return parentOf.keySet();
    }

    private void addTheme(KnowledgeDocument.Theme theme, String parentPath) {
        String path = parentPath == null ? theme.id() : parentPath + "/" + theme.id();
        parentOf.put(path, parentPath);
        theme.termsOrEmpty().values().forEach(terms -> themes.addAll(terms, path, analyzer));
        for (KnowledgeDocument.Theme child : theme.childrenOrEmpty()) {
            addTheme(child, path);
        }
    }

    private void addSentiment(Map<String, Map<String, List<String>>> lexicons, String name, double weight) {
        lexicons.getOrDefault(name, Map.of()).values().forEach(terms -> sentiment.addAll(terms, weight, analyzer));
    }

    private void add(Map<String, Map<String, List<String>>> lexicons, String name, PhraseMatcher<String> matcher) {
        lexicons.getOrDefault(name, Map.of()).values().forEach(terms -> matcher.addAll(terms, name, analyzer));
    }
}
