package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.kit.listing.KeysetPage;
import io.feedbackloop.kit.listing.SqlConditions;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

/**
 * Reads cases for ops: one case with everything about it, its audit trail, and lists sorted by the
 * most urgent deadline, the newest or the highest priority. Agents see their own team's cases only;
 * another team's case does not exist for them (404), so they cannot even learn that it does.
 */
@ApplicationScoped
@Transactional
public class CaseQueries {

    @Inject
    Clock clock;

    /** The case, if the caller may see it; otherwise 404 exactly as for a case that does not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupportCase visible(Caller caller, UUID id) {
        return seenBy(caller, id, SupportCase.findById(id));
    }

    /**
     * The case, locked for this transaction: a person's change waits for the SLA scheduler (and the
     * scheduler skips the row) instead of failing as a concurrent change the person never saw.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupportCase visibleForUpdate(Caller caller, UUID id) {
        return seenBy(caller, id, SupportCase.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static SupportCase seenBy(Caller caller, UUID id, SupportCase supportCase) {
        // word for word the answer for an unknown id: an agent cannot tell another team's case exists
        if (supportCase == null || !(caller.readsEverything() || caller.inTeam(supportCase.ownerTeam))) {
            throw ProblemException.notFound("case", id);
        }
        return supportCase;
    }

    public CaseFile find(Caller caller, UUID id) {
        return file(visible(caller, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile file(SupportCase supportCase) {
        return new CaseFile(supportCase, FeedbackCopy.findById(supportCase.feedbackId), CaseComment.of(supportCase.id),
                clock.instant());
    }

    /** Every change of the case, oldest first. */
    public List<CaseAudit> audit(Caller caller, UUID id) {
        SupportCase supportCase = visible(caller, id);
        return CaseAudit.of(supportCase.id);
    }

    /**
     * Cases matching the filter in the asked order ({@link CaseSort}), by keyset: a page never
     * repeats or skips a case because others were added meanwhile. One query finds the page with
     * what sorts it and the language of each case's feedback, one more loads those cases (never a
     * query per case). Agents are held to their own team whatever they ask for.
     *
     * @param cursor as the previous page of the same sort returned it; one of another sort is a 400
     */
    public CaseListing list(Caller caller, CaseFilter filter, CaseSort sort, String cursor, int limit) {
        Instant now = clock.instant();
        SqlConditions where = new SqlConditions();
        if (!caller.readsEverything()) {
            // agents and leads work their own teams' cases only (a token without teams: none)
            if (caller.teams().isEmpty()) {
                where.add("FALSE");
            } else {
                where.add("c.owner_team IN (:callerTeams)", "callerTeams", List.copyOf(caller.teams()));
            }
        }
        where.addIfPresent("c.owner_team = :team", "team", filter.team())
                .addIfPresent("c.status IN (:statuses)", "statuses", filter.statuses())
                .addIfPresent("c.priority IN (:priorities)", "priorities", filter.priorities())
                .addIfPresent("c.channel IN (:channels)", "channels", filter.channels());
        if (filter.theme() != null) {
            // a group matches its leaves: "delivery" finds "delivery" and "delivery/late", not "delivery-fees"
            where.add("EXISTS (SELECT 1 FROM unnest(c.themes) AS t(theme)"
                            + " WHERE t.theme = :theme OR t.theme LIKE :themePrefix)", "theme", filter.theme())
                    .parameter("themePrefix", likeEscaped(filter.theme()) + "/%");
        }
        if (CaseFilter.UNASSIGNED.equals(filter.assignee())) {
            where.add("c.assignee IS NULL");
        } else {
            where.addIfPresent("c.assignee = :assignee", "assignee", filter.assignee());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "c.next_due_at < :now" : "(c.next_due_at IS NULL OR c.next_due_at >= :now)",
                    "now", now);
        }
        where.addIfPresent("c.feedback_id = :feedbackId", "feedbackId", filter.feedbackId());
        if (cursor != null) {
            after(where, CaseCursor.decode(cursor, sort));
        }

        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Panache.getEntityManager().createNativeQuery(
                        "SELECT c.id, c.next_due_at, c.opened_at, c.priority_rank, f.language"
                                + " FROM support_case c LEFT JOIN feedback_copy f ON f.feedback_id = c.feedback_id"
                                + where.where() + " ORDER BY " + orderBy(sort))
                .unwrap(NativeQuery.class);
        query.addScalar("id", UUID.class).addScalar("next_due_at", Instant.class)
                .addScalar("opened_at", Instant.class).addScalar("priority_rank", Integer.class)
                .addScalar("language", String.class)
                .setMaxResults(KeysetPage.rowsToFetch(limit));
        KeysetPage<Object[]> page = KeysetPage.of(where.bind(query).getResultList(), limit,
                row -> position(sort, row).position());
        // the kit's cursor holds the position only; the next page's cursor also names the sort (and rank)
        String next = page.nextCursor() == null ? null
                : position(sort, page.items().get(page.items().size() - 1)).encode();

        List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, SupportCase> cases = ids.isEmpty() ? Map.of()
                : SupportCase.<SupportCase>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<CaseListing.Entry> items = new ArrayList<>();
        for (Object[] row : page.items()) {
            SupportCase supportCase = cases.get((UUID) row[0]);
            if (supportCase != null) {
                items.add(new CaseListing.Entry(supportCase, (Instant) row[1], FirstWords.of(supportCase.text),
                        (String) row[4]));
            }
        }
        return new CaseListing(items, next, now);
    }

    /** The order of each sort, always ending with the id so that no two cases tie. */
    private static String orderBy(CaseSort sort) {
        return switch (sort) {
            case DUE -> "c.next_due_at ASC NULLS LAST, c.id ASC";
            case OPENED -> "c.opened_at DESC, c.id DESC";
            case PRIORITY -> "c.priority_rank ASC, c.next_due_at ASC NULLS LAST, c.id ASC";
        };
    }

    /** The position of a page's last row in the sort's order: what the next page continues after. */
    private static CaseCursor position(CaseSort sort, Object[] row) {
        UUID id = (UUID) row[0];
        return switch (sort) {
            case DUE -> new CaseCursor(sort, null, new KeysetCursor((Instant) row[1], id));
            case OPENED -> new CaseCursor(sort, null, new KeysetCursor((Instant) row[2], id));
            case PRIORITY -> new CaseCursor(sort, (Integer) row[3], new KeysetCursor((Instant) row[1], id));
        };
    }

    /** Only the cases after the cursor's position, in the order {@link #orderBy} gives. */
    private static void after(SqlConditions where, CaseCursor after) {
        KeysetCursor position = after.position();
        switch (after.sort()) {
            case DUE -> where.add(afterDeadline(position));
            case OPENED -> where.add("(c.opened_at < :afterOpened OR (c.opened_at = :afterOpened AND c.id < :afterId))",
                    "afterOpened", position.sortKey());
            case PRIORITY -> where.add("(c.priority_rank > :afterRank OR (c.priority_rank = :afterRank AND "
                    + afterDeadline(position) + "))", "afterRank", after.priorityRank());
        }
        if (position.sortKey() != null && after.sort() != CaseSort.OPENED) {
            where.parameter("afterDue", position.sortKey());
        }
        where.parameter("afterId", position.id());
    }

    /** After a deadline (earliest first, none last), ties by id. */
    private static String afterDeadline(KeysetCursor position) {
        return position.sortKey() != null
                ? "(c.next_due_at > :afterDue OR (c.next_due_at = :afterDue AND c.id > :afterId) OR c.next_due_at IS NULL)"
                : "(c.next_due_at IS NULL AND c.id > :afterId)";
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
