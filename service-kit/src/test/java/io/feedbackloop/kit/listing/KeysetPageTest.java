package io.feedbackloop.kit.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class KeysetPageTest {

    private record Row(Instant at, UUID id) {
    }

    private final Row first = new Row(Instant.parse("2026-11-23T09:00:00Z"), UUID.randomUUID());
    private final Row second = new Row(Instant.parse("2026-11-23T08:00:00Z"), UUID.randomUUID());
    private final Row third = new Row(Instant.parse("2026-11-23T07:00:00Z"), UUID.randomUUID());

    @Test
    void theRowBeyondTheLimitOnlyTellsThatMoreFollow() {
        assertEquals(3, KeysetPage.rowsToFetch(2));

        KeysetPage<Row> page = KeysetPage.of(List.of(first, second, third), 2, row -> new KeysetCursor(row.at(), row.id()));

        assertEquals(List.of(first, second), page.items());
        assertEquals(new KeysetCursor(second.at(), second.id()), KeysetCursor.decode(page.nextCursor()));
    }

    @Test
    void theLastPageHasNoNextCursor() {
        KeysetPage<Row> full = KeysetPage.of(List.of(first, second), 2, row -> new KeysetCursor(row.at(), row.id()));
        KeysetPage<Row> empty = KeysetPage.of(List.of(), 2, row -> new KeysetCursor(row.at(), row.id()));

        assertEquals(List.of(first, second), full.items());
        assertNull(full.nextCursor());
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextCursor());
    }

    @Test
    void aPageHoldsAtLeastOneRow() {
        assertThrows(IllegalArgumentException.class,
                () -> KeysetPage.of(List.of(first), 0, row -> new KeysetCursor(row.at(), row.id())));
    }
}
