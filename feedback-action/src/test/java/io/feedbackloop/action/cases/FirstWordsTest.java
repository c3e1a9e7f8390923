package io.feedbackloop.action.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The customer's first words: whitespace collapsed, cut at 140 code points at a word boundary when one is near. */
class FirstWordsTest {

    @Test
    void noTextNoWords() {
        assertNull(FirstWords.of(null));
        assertNull(FirstWords.of(""));
        assertNull(FirstWords.of(" \t\n\u00A0\u2003 "));
    }

    @Test
    void shortTextKeepsEverythingButItsWhitespace() {
        assertEquals("Where is my refund?", FirstWords.of("  Where\u00A0is\r\n\tmy   refund?  "));
        assertEquals("<b>\u202Eevil</b> & \"x\"", FirstWords.of("<b>\u202Eevil</b> & \"x\""));
    }

    @Test
    void exactlyTheLimitIsNotCut() {
        String text = "word ".repeat(27) + "abcd"; // 135 + 4 = 139
        assertEquals(text + "x", FirstWords.of(text + "x  "));
        assertEquals(140, (text + "x").codePointCount(0, 140));
    }

    @Test
    void aLongerTextIsCutAtTheLastSpaceBeforeTheLimit() {
        String kept = "word ".repeat(27) + "abc"; // 138 code points
        assertEquals(kept + "\u2026", FirstWords.of(kept + " defgh more"));
        // the limit right at the end of a word: nothing of it is lost
        String full = "word ".repeat(27) + "abcde"; // 140
        assertEquals(full + "\u2026", FirstWords.of(full + " next"));
        assertEquals(full + "\u2026", FirstWords.of(full + "\n\n  next"));
    }

    @Test
    void oneVeryLongWordIsCutAtTheLimit() {
        String url = "https://example.com/" + "a".repeat(200);
        assertEquals(url.substring(0, 140) + "\u2026", FirstWords.of(url));
        // a boundary that keeps fewer than half is not worth it
        String early = "see " + url;
        assertEquals(early.substring(0, 140) + "\u2026", FirstWords.of(early));
    }

    @Test
    void codePointsAreCountedAndNeverSplit() {
        String emoji = "\uD83D\uDE21"; // one code point, two UTF-16 units
        String text = emoji.repeat(150);
        String words = FirstWords.of(text);
        assertEquals(emoji.repeat(140) + "\u2026", words);
        assertEquals(141, words.codePointCount(0, words.length()));
    }
}
