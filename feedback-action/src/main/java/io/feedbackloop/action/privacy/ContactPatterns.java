package io.feedbackloop.action.privacy;

/**
 * Contact data as it shows up inside free text that an erasure keeps (a customer's "write to me at
 * olga@example.com", an agent's note "called her on +7 916 000-00-00", a resolution "confirmation
 * sent to OLGA@EXAMPLE.COM"): two PostgreSQL regular expressions, so that the eraser replaces every
 * occurrence with one statement per table.
 *
 * <p>This service holds no customer contact data (it travels on {@code customer.contact.v1} to the
 * notifier only), so it cannot look for the customer's own address, number or name: in the kept
 * text of an erased customer's feedback and cases it replaces <em>every</em> email address and
 * every phone number. A name is not recognisable as such; whoever needs it gone erases with
 * {@code eraseText}.
 *
 * @param anyCase   email addresses, matched in any case (an address is case-insensitive)
 * @param exactCase phone numbers: 7 to 15 digits, optionally after a +, with spaces, dots, dashes or
 *                  brackets between any two, as a whole word; an ISO date (2026-11-23) is not one
 */
record ContactPatterns(String anyCase, String exactCase) {

    private static final String WORD_END = "(?![[:alnum:]])";

    private static final String EMAIL = "(?<![[:alnum:]._%+-])[[:alnum:]._%+-]+@[[:alnum:]-]+(?:\\.[[:alnum:]-]+)*"
            + "\\.[[:alpha:]]{2,}(?![[:alnum:]-])";

    /** Fewer digits than 7 are a house number, an amount or a date more often than a phone number; E.164 has at most 15. */
    private static final String PHONE = "(?<![[:alnum:]+])(?![0-9]{4}-[0-9]{2}-[0-9]{2}" + WORD_END + ")"
            + "\\+?[0-9](?:[\\s().-]*[0-9]){6,14}" + WORD_END;

    /** Any contact data: what an erasure replaces in the kept text of the customer's feedback and cases. */
    static final ContactPatterns ANY = new ContactPatterns(EMAIL, PHONE);
}
