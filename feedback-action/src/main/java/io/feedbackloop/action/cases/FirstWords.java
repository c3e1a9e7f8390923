package io.feedbackloop.action.cases;

/**
 * The customer's first words, for a case in a list: the feedback text with every run of
 * whitespace (line breaks, tabs, no-break spaces) made one space and the ends trimmed, cut after
 * at most {@value #MAX_CODE_POINTS} code points (never inside a surrogate pair) with "…" appended.
 * The cut falls on the last space before the limit unless that would keep fewer than
 * {@value #MIN_KEPT} code points (one very long word, a URL): then it falls at the limit. Nothing
 * else is changed: markup, control and direction characters are the customer's text, which the
 * client escapes as it shows it.
 */
public final class FirstWords {

    public static final int MAX_CODE_POINTS = 140;
    static final int MIN_KEPT = MAX_CODE_POINTS / 2;
    static final String ELLIPSIS = "…";

    private FirstWords() {
    }

    /** The first words of {@code text}; null when there is no text (null, empty or only whitespace). */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        // the collapsed text up to one code point beyond the limit: enough to know whether and where to cut
        StringBuilder collapsed = new StringBuilder();
        int codePoints = 0;
        int lastSpaceIndex = -1;
        int lastSpaceCodePoints = 0;
        boolean spacePending = false;
        for (int i = 0; i < text.length() && codePoints <= MAX_CODE_POINTS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                spacePending = codePoints > 0;
                continue;
            }
            if (spacePending) {
                if (codePoints == MAX_CODE_POINTS) {
                    // the limit falls right on a word boundary
                    return collapsed + ELLIPSIS;
                }
                lastSpaceIndex = collapsed.length();
                lastSpaceCodePoints = codePoints;
                collapsed.append(' ');
                codePoints++;
                spacePending = false;
            }
            if (codePoints == MAX_CODE_POINTS) {
                // a word goes on beyond the limit
                return cut(collapsed, lastSpaceIndex, lastSpaceCodePoints);
            }
            collapsed.appendCodePoint(cp);
            codePoints++;
        }
        return codePoints == 0 ? null : collapsed.toString();
    }

    private static String cut(StringBuilder collapsed, int lastSpaceIndex, int lastSpaceCodePoints) {
        if (lastSpaceIndex >= 0 && lastSpaceCodePoints >= MIN_KEPT) {
            return collapsed.substring(0, lastSpaceIndex) + ELLIPSIS;
        }
        return collapsed + ELLIPSIS;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
