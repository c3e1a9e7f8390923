package io.feedbackloop.action;

import java.util.concurrent.ThreadLocalRandom;

/** Random words no other test wrote, so a search of every topic and table finds only this test's. */
final class UniqueWords {

    private UniqueWords() {
    }

    static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        ThreadLocalRandom.current().ints(count, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
