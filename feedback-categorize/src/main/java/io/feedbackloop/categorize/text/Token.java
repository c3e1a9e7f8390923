package io.feedbackloop.categorize.text;

/**
 * One word or emoji of a feedback text.
 *
 * @param surface     the word as the customer wrote it
 * @param stem        its Snowball stem (Russian for Cyrillic words, English for Latin ones), or the emoji itself
 * @param emoji       whether it is an emoji
 * @param clauseStart whether punctuation separates it from the previous token (negation does not cross it)
 */
public record Token(String surface, String stem, boolean emoji, boolean clauseStart) {
}
