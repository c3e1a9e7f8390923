package io.feedbackloop.notifier.model;

import java.util.Locale;
import java.util.Set;

/** The languages we write to customers in; anything else falls back to English. */
public final class MessageLocale {

    public static final String FALLBACK = "en";
    private static final Set<String> SUPPORTED = Set.of("en", "ru");

    private MessageLocale() {
    }

    public static String of(String customerLocale) {
        if (customerLocale == null || customerLocale.isBlank()) {
            return FALLBACK;
        }
        String language = Locale.forLanguageTag(customerLocale.replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : FALLBACK;
    }
}
