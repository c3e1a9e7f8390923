package io.feedbackloop.categorize.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds lexicon words and phrases in a stemmed text. Terms are stemmed with the same analyzer as
 * the text, so "deliveries" finds "delivery" and «доставкой» finds «доставка»; a word ending in
 * {@code *} matches by stem prefix.
 *
 * @param <T> what a match stands for (a theme, a lexicon name)
 */
public final class PhraseMatcher<T> {

    /** A term found at tokens [start, end). */
    public record Match<T>(T value, int start, int end, String surface) {
    }

    private record Pattern<T>(String[] words, boolean[] prefix, T value) {
        boolean matchesAt(List<Token> tokens, int at) {
            if (at + words.length > tokens.size()) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                String stem = tokens.get(at + i).stem();
                if (prefix[i] ? !stem.startsWith(words[i]) : !stem.equals(words[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, List<Pattern<T>>> byFirstStem = new HashMap<>();
    private final List<Pattern<T>> byFirstPrefix = new ArrayList<>();
    private final boolean longestOnly;

    /**
     * @param longestOnly whether overlapping matches resolve to the longest one ("not bad" hides "bad")
     */
    public PhraseMatcher(boolean longestOnly) {
        this.longestOnly = longestOnly;
    }

    public void add(String term, T value, TextAnalyzer analyzer) {
        List<String> words = new ArrayList<>();
        List<Boolean> prefixes = new ArrayList<>();
        for (String word : term.trim().split("\\s+")) {
            if (word.endsWith("*") && word.length() > 1) {
                words.add(TextAnalyzer.normalize(word.substring(0, word.length() - 1)).toLowerCase(Locale.ROOT));
                prefixes.add(true);
            } else {
                for (Token token : analyzer.analyze(word)) {
                    words.add(token.stem());
                    prefixes.add(false);
                }
            }
        }
        if (words.isEmpty()) {
            return;
        }
        boolean[] prefix = new boolean[prefixes.size()];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = prefixes.get(i);
        }
        Pattern<T> pattern = new Pattern<>(words.toArray(String[]::new), prefix, value);
        if (prefix[0]) {
            byFirstPrefix.add(pattern);
        } else {
            byFirstStem.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(pattern);
        }
    }

    public void addAll(Collection<String> terms, T value, TextAnalyzer analyzer) {
        for (String term : terms) {
            add(term, value, analyzer);
        }
    }

    /** Every match in text order. */
    public List<Match<T>> find(List<Token> tokens) {
        List<Match<T>> matches = new ArrayList<>();
        int coveredUntil = 0;
        for (int at = 0; at < tokens.size(); at++) {
            if (longestOnly && at < coveredUntil) {
                continue;
            }
            Pattern<T> longest = null;
            for (Pattern<T> pattern : candidates(tokens.get(at).stem())) {
                if (pattern.matchesAt(tokens, at)) {
                    if (!longestOnly) {
                        matches.add(match(pattern, tokens, at));
                    } else if (longest == null || pattern.words().length > longest.words().length) {
                        longest = pattern;
                    }
                }
            }
            if (longest != null) {
                matches.add(match(longest, tokens, at));
                coveredUntil = at + longest.words().length;
            }
        }
        return matches;
    }

    private Iterable<Pattern<T>> candidates(String stem) {
        List<Pattern<T>> exact = byFirstStem.getOrDefault(stem, List.of());
        if (byFirstPrefix.isEmpty()) {
            return exact;
        }
        List<Pattern<T>> all = new ArrayList<>(exact);
        for (Pattern<T> pattern : byFirstPrefix) {
            if (stem.startsWith(pattern.words()[0])) {
                all.add(pattern);
            }
        }
        return all;
    }

    private static <T> Match<T> match(Pattern<T> pattern, List<Token> tokens, int at) {
        int end = at + pattern.words().length;
        StringBuilder surface = new StringBuilder();
        for (int i = at; i < end; i++) {
            surface.append(i > at ? " " : "").append(tokens.get(i).surface());
        }
        return new Match<>(pattern.value(), at, end, surface.toString());
    }
}
