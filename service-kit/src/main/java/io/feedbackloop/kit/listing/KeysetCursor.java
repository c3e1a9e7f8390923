package io.feedbackloop.kit.listing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/**
 * Where a keyset-paginated listing continues: the sort key and id of the last row of the page
 * before. Clients get it as an opaque base64url string and hand it back unchanged.
 *
 * <p>Decoding accepts exactly what {@link #encode()} writes and nothing else: a checksum over the
 * content catches any changed character, and the decoded cursor must encode back to the very
 * same string. A garbled, truncated or edited cursor is therefore a 400 naming the {@code cursor}
 * parameter, never a 500 or a silently different page. The checksum is not a signature (it has
 * no secret, so replicas need no shared key): a client that goes to the trouble of forging a
 * cursor only moves its own position in a listing, whose filters and permissions apply as to any
 * other page.
 *
 * @param sortKey the last row's sort key; null for a row without one (a case with no deadline)
 * @param id      the last row's id, which breaks ties between equal sort keys
 */
public record KeysetCursor(Instant sortKey, UUID id) {

    private static final String VERSION = "k1";
    private static final String NO_SORT_KEY = "~";
    /** Far longer than any cursor encode() writes: a longer one is refused before it is decoded. */
    private static final int MAX_LENGTH = 200;

    public KeysetCursor {
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String key = sortKey == null ? NO_SORT_KEY : sortKey.getEpochSecond() + "." + sortKey.getNano();
        return withChecksum(VERSION + ":" + key + ":" + id);
    }

    static String withChecksum(String content) {
        return CursorEnvelope.seal(content);
    }

    /** @throws ProblemException 400 for anything {@link #encode()} did not write */
    public static KeysetCursor decode(String cursor) {
        try {
            String[] parts = CursorEnvelope.open(cursor, MAX_LENGTH).split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a cursor of this version");
            }
            KeysetCursor decoded = new KeysetCursor(sortKey(parts[1]), UUID.fromString(parts[2]));
            if (!decoded.encode().equals(cursor)) {
                throw new IllegalArgumentException("not in the form encode() writes");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("cursor", "cursor",
                    "is not a cursor returned by this API"))));
        }
    }


    private static Instant sortKey(String value) {
        if (NO_SORT_KEY.equals(value)) {
            return null;
        }
        String[] secondsAndNanos = value.split("\\.", -1);
        if (secondsAndNanos.length != 2) {
            throw new IllegalArgumentException("not seconds.nanos");
        }
        return Instant.ofEpochSecond(Long.parseLong(secondsAndNanos[0]), Long.parseLong(secondsAndNanos[1]));
    }
}
