package io.feedbackloop.categorize.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Splits feedback into stemmed tokens with Lucene: the Unicode word-break tokenizer (which also
 * keeps emoji as tokens), lower-casing, and a Snowball stemmer chosen per word by its script, so a
 * Russian sentence with an English brand name (or the reverse) is stemmed correctly word by word.
 * Thread-safe: Lucene reuses the token stream per thread.
 */
public final class TextAnalyzer {

    private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(tokenizer, new ScriptAwareStemFilter(stream));
        }
    };

    /** The tokens of {@code text}; empty for null or blank text. */
    public List<Token> analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String normalized = normalize(text);
        try (TokenStream stream = analyzer.tokenStream("text", normalized)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int previousEnd = 0;
            while (stream.incrementToken()) {
                boolean clauseStart = tokens.isEmpty() || hasClauseBreak(normalized, previousEnd, offset.startOffset());
                tokens.add(new Token(text.substring(offset.startOffset(), offset.endOffset()), term.toString(),
                        EMOJI.equals(type.type()), clauseStart));
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Stems one lexicon word the way {@link #analyze} stems the same word in a text. */
    public String stem(String word) {
        List<Token> tokens = analyze(word);
        return tokens.isEmpty() ? "" : tokens.get(0).stem();
    }

    /**
     * Same-length rewrites only, so token offsets still point into the original text: «ё» is
     * written as «е» by most Russian writers, and typographic apostrophes break "don’t".
     */
    static String normalize(String text) {
        return text.replace('ё', 'е').replace('Ё', 'Е').replace('’', '\'').replace('ʼ', '\'');
    }

    private static boolean hasClauseBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case '.', ',', '!', '?', ';', ':', '(', ')', '—', '–', '\n' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Applies the Russian Snowball stemmer to Cyrillic words and the English (Porter2) one to Latin words. */
    private static final class ScriptAwareStemFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final SnowballStemmer russian = new RussianStemmer();
        private final SnowballStemmer english = new EnglishStemmer();

        ScriptAwareStemFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (keyword.isKeyword() || EMOJI.equals(type.type()) || term.length() == 0) {
                return true;
            }
            SnowballStemmer stemmer = isCyrillic(term.charAt(0)) ? russian : isLatin(term.charAt(0)) ? english : null;
            if (stemmer != null) {
                stemmer.setCurrent(term.buffer(), term.length());
                stemmer.stem();
                term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
            }
            return true;
        }
    }

    static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }
}
