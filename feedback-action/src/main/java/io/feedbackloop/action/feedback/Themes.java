package io.feedbackloop.action.feedback;

import java.util.Arrays;
import java.util.List;

/** Taxonomy paths such as {@code delivery/late}: a group ({@code delivery}) stands for its leaves too. */
public final class Themes {

    /** A taxonomy path: lower-case segments separated by slashes. */
    public static final String PATH = "[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*";

    private Themes() {
    }

    /** True when a theme is one of the wanted paths or lies below one of them. */
    public static boolean anyUnder(String[] themes, List<String> wanted) {
        return Arrays.stream(themes).anyMatch(theme -> wanted.stream()
                .anyMatch(path -> theme.equals(path) || theme.startsWith(path + "/")));
    }
}
