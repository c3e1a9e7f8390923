package io.feedbackloop.categorize.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

/**
 * Tells Russian, English and other languages apart. Cyrillic letters mean Russian unless letters
 * only Ukrainian or Belarusian use appear; Latin text is English when English function words (or
 * lexicon words) outnumber the function words of the other Latin-script languages Lucene knows.
 */
final class LanguageDetector {

    private static final CharArraySet ENGLISH = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    private static final List<CharArraySet> OTHER_LATIN = List.of(GermanAnalyzer.getDefaultStopSet(),
            FrenchAnalyzer.getDefaultStopSet(), SpanishAnalyzer.getDefaultStopSet(),
            ItalianAnalyzer.getDefaultStopSet(), PortugueseAnalyzer.getDefaultStopSet(),
            DutchAnalyzer.getDefaultStopSet());
    private static final Set<Character> NOT_RUSSIAN_CYRILLIC = Set.of('і', 'ї', 'є', 'ґ', 'ў', 'І', 'Ї', 'Є', 'Ґ', 'Ў');

    static {
        // the default English set is articles and prepositions only; short feedback needs pronouns and verbs too
        ENGLISH.addAll(List.of("i", "my", "me", "you", "your", "we", "our", "it's", "i'm", "have", "has", "had", "very",
                "so", "do", "did", "don't", "didn't", "can", "can't", "get", "got", "would", "please", "thanks",
                "thank", "what", "when", "why", "how", "where", "still", "just", "was", "were", "been", "all"));
    }

    private LanguageDetector() {
    }

    /**
     * @param lexiconHits how many English lexicon words matched (a short "Great service!" has no function words)
     */
    static String detect(String text, List<Token> tokens, int lexiconHits, String declaredLanguage) {
        int cyrillic = 0;
        int latin = 0;
        boolean otherCyrillic = false;
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (TextAnalyzer.isCyrillic(c) && Character.isLetter(c)) {
                    cyrillic++;
                    otherCyrillic |= NOT_RUSSIAN_CYRILLIC.contains(c);
                } else if (TextAnalyzer.isLatin(c)) {
                    latin++;
                }
            }
        }
        if (cyrillic > 0 && cyrillic >= latin) {
            return otherCyrillic ? "other" : "ru";
        }
        if (latin == 0) {
            return declared(declaredLanguage);
        }
        int english = 0;
        int[] other = new int[OTHER_LATIN.size()];
        for (Token token : tokens) {
            String word = token.surface().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(word)) {
                english++;
            }
            for (int i = 0; i < other.length; i++) {
                if (OTHER_LATIN.get(i).contains(word)) {
                    other[i]++;
                }
            }
        }
        int bestOther = 0;
        for (int count : other) {
            bestOther = Math.max(bestOther, count);
        }
        if (english + lexiconHits > bestOther) {
            return "en";
        }
        if (bestOther > english) {
            return "other";
        }
        return "en".equals(declared(declaredLanguage)) ? "en" : "other";
    }

    private static String declared(String language) {
        if (language == null) {
            return "other";
        }
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.equals("ru") || primary.equals("en") ? primary : "other";
    }
}
