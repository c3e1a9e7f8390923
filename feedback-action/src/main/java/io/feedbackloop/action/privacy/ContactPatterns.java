package io.feedbackloop.action.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's contact data as it shows up inside free text that an erasure keeps (an agent's note
 * "called Olga on +7 916 000-00-00", a resolution "we wrote to olga@example.com"): two PostgreSQL
 * regular expressions, so that the eraser replaces every occurrence with one statement per table.
 *
 * @param anyCase   the email addresses, matched in any case (an address is case-insensitive)
 * @param exactCase the phone numbers, whatever separators a person typed between the digits, and the
 *                  name, whole and each part of three letters or more, as whole words in their own
 *                  case (a name in lower case is more often a word: rose, will)
 */
record ContactPatterns(String anyCase, String exactCase) {

    /** Matches nothing: an end of text followed by a character. */
    static final String NOTHING = "$x";

    /** Shorter than this, a part of a name ("Li", "Jo") is too often part of an ordinary word. */
    private static final int SHORTEST_NAME_PART = 3;

    /** Fewer digits than this are a house number or an amount more often than a phone number. */
    private static final int SHORTEST_PHONE = 5;

    private static final String WORD_START = "(?<![[:alnum:]])";
    private static final String WORD_END = "(?![[:alnum:]])";

    /** What a customer gave as contact data, as one row of a case or feedback copy holds it; any may be null. */
    record Contact(String email, String phone, String name) {
    }

    static ContactPatterns of(Collection<Contact> contacts) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> exact = new LinkedHashSet<>();
        for (Contact contact : contacts) {
            if (contact.email() != null && !contact.email().isBlank()) {
                emails.add(literal(contact.email().strip()));
            }
            if (contact.phone() != null) {
                String digits = contact.phone().replaceAll("\\D", "");
                if (digits.length() >= SHORTEST_PHONE) {
                    exact.add(phone(digits));
                }
            }
            if (contact.name() != null && !contact.name().isBlank()) {
                List<String> parts = List.of(contact.name().strip().split("\\s+"));
                exact.add(WORD_START + String.join("\\s+", parts.stream().map(ContactPatterns::literal).toList())
                        + WORD_END);
                parts.stream().filter(part -> part.codePointCount(0, part.length()) >= SHORTEST_NAME_PART)
                        .forEach(part -> exact.add(WORD_START + literal(part) + WORD_END));
            }
        }
        return new ContactPatterns(alternatives(emails), alternatives(exact));
    }

    /** The longest first: the whole name is replaced as one, not part by part. */
    private static String alternatives(Set<String> patterns) {
        if (patterns.isEmpty()) {
            return NOTHING;
        }
        return String.join("|", patterns.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** The digits in order, optionally after a +, with spaces, dots, dashes or brackets between any two. */
    private static String phone(String digits) {
        StringBuilder pattern = new StringBuilder("\\+?");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                pattern.append("[\\s().-]*");
            }
            pattern.append(digits.charAt(i));
        }
        return WORD_START + pattern + WORD_END;
    }

    /** In an advanced regular expression a backslash before any character that is no letter or digit makes it literal. */
    private static String literal(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }
}
