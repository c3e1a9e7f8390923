package io.feedbackloop.kit.listing;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated listing: the rows to show and, when more follow, the cursor of
 * the next page. A query fetches {@link #rowsToFetch(int)} rows: the one beyond the limit only
 * tells that there is more.
 *
 * @param nextCursor null on the last page
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    public static int rowsToFetch(int limit) {
        return limit + 1;
    }

    /**
     * @param rows       what the query returned for {@link #rowsToFetch(int)}, in listing order
     * @param positionOf the sort key and id of a row
     */
    public static <T> KeysetPage<T> of(List<T> rows, int limit, Function<T, KeysetCursor> positionOf) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one row, not " + limit);
        }
        if (rows.size() <= limit) {
            return new KeysetPage<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new KeysetPage<>(page, positionOf.apply(page.get(limit - 1)).encode());
    }
}
