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

    /** Words a phrase may skip between two of its words, within a clause: "деньги (5 780 ₽) так и не вернулись". */
    static final int MAX_GAP = 2;

    private record Pattern<T>(String[] words, boolean[] prefix, T value) {
        boolean matches(String stem, int i) {
            return prefix[i] ? stem.startsWith(words[i]) : stem.equals(words[i]);
        }

        /** The end (exclusive) of a match starting at {@code at}, or -1. */
        int matchEnd(List<Token> tokens, int at) {
            if (!matches(tokens.get(at).stem(), 0)) {
                return -1;
            }
            int position = at;
            for (int i = 1; i < words.length; i++) {
                int found = -1;
                for (int next = position + 1; next <= position + 1 + MAX_GAP && next < tokens.size(); next++) {
                    if (tokens.get(next).clauseStart()) {
                        break;
                    }
                    if (matches(tokens.get(next).stem(), i)) {
                        found = next;
                        break;
                    }
                }
                if (found < 0) {
                    return -1;
                }
                position = found;
            }
            return position + 1;
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
            int longestEnd = -1;
            for (Pattern<T> pattern : candidates(tokens.get(at).stem())) {
                int end = pattern.matchEnd(tokens, at);
                if (end < 0) {
                    continue;
                }
                if (!longestOnly) {
                    matches.add(match(pattern.value(), tokens, at, end));
                } else if (longest == null || pattern.words().length > longest.words().length
                        || (pattern.words().length == longest.words().length && end < longestEnd)) {
                    longest = pattern;
                    longestEnd = end;
                }
            }
            if (longest != null) {
                matches.add(match(longest.value(), tokens, at, longestEnd));
                coveredUntil = longestEnd;
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

    private static <T> Match<T> match(T value, List<Token> tokens, int at, int end) {
        StringBuilder surface = new StringBuilder();
        for (int i = at; i < end; i++) {
            surface.append(i > at ? " " : "").append(tokens.get(i).surface());
        }
        return new Match<>(value, at, end, surface.toString());
    }
}
