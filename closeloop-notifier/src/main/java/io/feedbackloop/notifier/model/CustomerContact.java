package io.feedbackloop.notifier.model;

/**
 * The customer a message goes to; {@code timeZone} is optional (IANA id). Read from an event it may
 * be only a reference (id, locale, time zone): the addresses then come from the contact directory.
 */
public record CustomerContact(String id, String email, String phone, String name, String locale, String timeZone) {

    /** Just who they are: the reference upstream events carry, without any address or name. */
    public static CustomerContact reference(String id, String locale, String timeZone) {
        return new CustomerContact(id, null, null, null, locale, timeZone);
    }

    /** Their addresses and name from {@code known}; the language and zone of this reference unless it has none. */
    public CustomerContact reachedAs(CustomerContact known) {
        return new CustomerContact(id, known.email(), known.phone(), known.name(), blank(locale) ? known.locale() : locale,
                blank(timeZone) ? known.timeZone() : timeZone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
