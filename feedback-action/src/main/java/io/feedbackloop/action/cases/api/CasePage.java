package io.feedbackloop.action.cases.api;

import java.util.List;

/** One page of cases, most urgent first; pass {@code next} back as {@code cursor} for the next page (null: last page). */
public record CasePage(List<CaseSummary> items, String next) {
}
