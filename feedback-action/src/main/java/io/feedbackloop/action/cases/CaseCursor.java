package io.feedbackloop.action.cases;

import java.util.List;
import java.util.Objects;

import io.feedbackloop.kit.listing.CursorEnvelope;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/**
 * Where a case list continues: the sort the page was listed in and the position of its last case
 * (the kit's {@link KeysetCursor}: that case's sort key and id), with the rank of its priority
 * when the list is sorted by priority. Clients get it as an opaque string and hand it back
 * unchanged with the same {@code sort}.
 *
 * <p>Like the kit's cursor, decoding accepts exactly what {@link #encode()} writes: a checksum
 * over the whole content (sort, rank and position) and the requirement that the decoded cursor
 * encodes back to the same string make a garbled or edited cursor a 400 naming {@code cursor}.
 * A cursor of one sort presented with another is refused the same way: its position means
 * nothing in the other order. A cursor written before lists had sorts (the kit's own, without a
 * sort) is a position in the deadline order and is still read as one.
 *
 * @param priorityRank for {@link CaseSort#PRIORITY}: the rank of the last case's priority (0 critical … 3 low); else null
 * @param position     the last case's sort key (deadline, or opening time) and id
 */
public record CaseCursor(CaseSort sort, Integer priorityRank, KeysetCursor position) {

    private static final String VERSION = "c1";
    private static final String PRIORITY_TAG = CaseSort.PRIORITY.label() + "/";
    /** Far longer than any cursor encode() writes: a longer one is refused before it is decoded. */
    private static final int MAX_LENGTH = 400;
    private static final int MAX_RANK = 4;

    public CaseCursor {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(position, "position");
        if ((sort == CaseSort.PRIORITY) != (priorityRank != null)) {
            throw new IllegalArgumentException("a priority rank comes with the priority sort, and only with it");
        }
        if (priorityRank != null && (priorityRank < 0 || priorityRank > MAX_RANK)) {
            throw new IllegalArgumentException("no priority has rank " + priorityRank);
        }
        if (sort == CaseSort.OPENED && position.sortKey() == null) {
            throw new IllegalArgumentException("every case has an opening time");
        }
    }

    public String encode() {
        String tag = sort == CaseSort.PRIORITY ? PRIORITY_TAG + priorityRank : sort.label();
        return CursorEnvelope.seal(VERSION + ":" + tag + ":" + position.encode());
    }

    /**
     * The cursor, if it was written for a list in {@code sort}.
     *
     * @throws ProblemException 400 naming {@code cursor}: not written by {@link #encode()} (nor by the
     *                          kit's cursor, for the deadline order), or written for another sort
     */
    public static CaseCursor decode(String cursor, CaseSort sort) {
        CaseCursor decoded = decode(cursor);
        if (decoded.sort() != sort) {
            throw refused("sort", "was made for sort=" + decoded.sort().label() + ", not sort=" + sort.label()
                    + ": list again without a cursor, or with sort=" + decoded.sort().label());
        }
        return decoded;
    }

    private static CaseCursor decode(String cursor) {
        CaseCursor decoded;
        try {
            decoded = parse(cursor);
        } catch (RuntimeException notOurs) {
            // a cursor of the kit's own form (lists before sorts existed): a position in the deadline
            // order; anything else is refused by the kit's decoder, naming the cursor parameter
            return new CaseCursor(CaseSort.DUE, null, KeysetCursor.decode(cursor));
        }
        if (!decoded.encode().equals(cursor)) {
            throw refused("cursor", "is not a cursor returned by this API");
        }
        return decoded;
    }

    private static CaseCursor parse(String cursor) {
        String[] parts = CursorEnvelope.open(cursor, MAX_LENGTH).split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a case cursor of this version");
        }
        KeysetCursor position;
        try {
            position = KeysetCursor.decode(parts[2]);
        } catch (ProblemException e) {
            throw new IllegalArgumentException("not a position", e);
        }
        String tag = parts[1];
        if (tag.startsWith(PRIORITY_TAG)) {
            return new CaseCursor(CaseSort.PRIORITY, Integer.parseInt(tag.substring(PRIORITY_TAG.length())), position);
        }
        CaseSort sort = CaseSort.of(tag);
        if (sort == null || sort == CaseSort.PRIORITY) {
            throw new IllegalArgumentException("no such sort");
        }
        return new CaseCursor(sort, null, position);
    }

    private static ProblemException refused(String rule, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation("cursor", rule, message))));
    }

}
