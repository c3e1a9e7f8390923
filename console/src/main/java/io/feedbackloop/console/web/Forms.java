package io.feedbackloop.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.i18n.Msg;

/** What the pages with forms share: refusals shown to the person, values sent on to a service. */
final class Forms {

    private Forms() {
    }

    /** The refusals a person can act on (a wrong field, a conflict); anything else is the error page's job. */
    static boolean actionable(BackendException e) {
        return e.status() == 400 || e.status() == 409 || e.status() == 412 || e.status() == 422;
    }

    /** Shows a refusal the person can act on as the next page's warning; rethrows anything else. */
    static void warn(Visit visit, BackendException e) {
        if (!actionable(e)) {
            throw e;
        }
        visit.warn(String.join("; ", reasons(e, Msgs.of(visit))));
    }

    /** What the service said was wrong, field by field. */
    static List<String> reasons(BackendException e, Msg msg) {
        if (e.status() == 412) {
            return List.of(msg.changed_meanwhile());
        }
        List<String> out = new ArrayList<>(e.violations());
        if (out.isEmpty() && e.detail() != null) {
            out.add(e.detail());
        }
        return out;
    }

    /** A value as one path segment of a service's URL (an email, a customer id). */
    static String segment(String value) {
        return URLEncoder.encode(value == null ? "" : value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The start of a day in the person's time zone as an ISO instant, {@code plusDays} later (1 makes a
     * "to" date inclusive); a value that is not a date goes on as typed, for the service to name it.
     */
    static String dayStart(String date, ZoneId zone, int plusDays) {
        String given = InboxPage.blankToNull(date);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given).plusDays(plusDays).atStartOfDay(zone).toInstant().toString();
        } catch (DateTimeParseException notADate) {
            return given;
        }
    }

    /** A whole number as a number; anything else goes on as typed, for the service to name it. */
    static Object number(String value) {
        String given = InboxPage.blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException notANumber) {
            return given;
        }
    }

    /** A JSON array answer as a list (an empty or missing answer: none). */
    static <T> List<T> list(Backend backend, JsonNode node, Class<T[]> type) {
        return node == null || !node.isArray() ? List.of() : Arrays.asList(backend.convert(node, type));
    }
}
