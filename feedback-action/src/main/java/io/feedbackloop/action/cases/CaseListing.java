package io.feedbackloop.action.cases;

import java.time.Instant;
import java.util.List;

/**
 * One page of cases, in the order the list was asked for.
 *
 * @param next the cursor of the next page; null on the last page
 * @param asOf the moment the time left to each deadline is counted from
 */
public record CaseListing(List<Entry> items, String next, Instant asOf) {

    /**
     * @param nextDueAt  the case's most urgent pending deadline, as the database computed it for sorting
     * @param firstWords the customer's first words ({@link FirstWords}); null without text
     * @param language   the language of the feedback text as categorized; null if unknown
     */
    public record Entry(SupportCase supportCase, Instant nextDueAt, String firstWords, String language) {
    }
}
