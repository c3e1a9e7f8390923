package io.feedbackloop.action.improvements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.feedbackloop.kit.problem.Problem;

/**
 * The languages an improvement's message is written in, and which one a customer is told in:
 * their locale's language, else the language they wrote their feedback in, else English, else
 * whatever the action has (a message in the wrong language beats none).
 */
final class AnnouncementLanguage {

    static final List<String> SUPPORTED = List.of("en", "ru");
    static final String FALLBACK = "en";

    private AnnouncementLanguage() {
    }

    /** What is wrong with a message map: unknown languages, blank or too long texts, no language at all. */
    static List<Problem.Violation> violations(Map<String, String> message) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (message == null) {
            return violations;
        }
        int usable = 0;
        for (Map.Entry<String, String> entry : new TreeMap<>(message).entrySet()) {
            String field = "message." + entry.getKey();
            if (!SUPPORTED.contains(entry.getKey())) {
                violations.add(new Problem.Violation(field, "language", "must be one of " + SUPPORTED));
            } else if (entry.getValue() == null || entry.getValue().isBlank()) {
                violations.add(new Problem.Violation(field, "NotBlank", "must not be blank"));
            } else if (entry.getValue().strip().length() > ImprovementActions.MAX_MESSAGE_LENGTH) {
                violations.add(new Problem.Violation(field, "Size",
                        "must be at most " + ImprovementActions.MAX_MESSAGE_LENGTH + " characters"));
            } else {
                usable++;
            }
        }
        if (message.isEmpty() || (usable == 0 && violations.isEmpty())) {
            violations.add(new Problem.Violation("message", "NotEmpty",
                    "needs the text in at least one language of " + SUPPORTED));
        }
        return violations;
    }

    static Map<String, String> normalized(Map<String, String> message) {
        Map<String, String> normalized = new TreeMap<>();
        message.forEach((language, text) -> normalized.put(language, text.strip()));
        return normalized;
    }

    /** @return the language to tell this customer in, one the message has */
    static String choose(Map<String, String> message, String customerLocale, String feedbackLanguage) {
        for (String candidate : new String[] {language(customerLocale), language(feedbackLanguage), FALLBACK}) {
            if (candidate != null && message.containsKey(candidate)) {
                return candidate;
            }
        }
        return SUPPORTED.stream().filter(message::containsKey).findFirst()
                .orElse(message.keySet().iterator().next());
    }

    /** {@code ru-RU}, {@code ru_RU} and {@code RU} all mean ru. */
    private static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        return locale.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
