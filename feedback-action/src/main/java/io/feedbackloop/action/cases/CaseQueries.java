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
 * most urgent deadline. Agents see their own team's cases only; another team's case does not exist
 * for them (404), so they cannot even learn that it does.
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
     * Cases matching the filter, the most urgent pending deadline first (closed cases, which have
     * none, last), by keyset: a page never repeats or skips a case because others were added meanwhile.
     * Agents are held to their own team whatever they ask for.
     */
    public CaseListing list(Caller caller, CaseFilter filter, String cursor, int limit) {
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
                .addIfPresent("c.priority IN (:priorities)", "priorities", filter.priorities());
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
            KeysetCursor after = KeysetCursor.decode(cursor);
            if (after.sortKey() != null) {
                where.add("(c.next_due_at > :afterDue OR (c.next_due_at = :afterDue AND c.id > :afterId)"
                        + " OR c.next_due_at IS NULL)", "afterDue", after.sortKey());
            } else {
                where.add("c.next_due_at IS NULL AND c.id > :afterId");
            }
            where.parameter("afterId", after.id());
        }

        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Panache.getEntityManager().createNativeQuery("SELECT c.id, c.next_due_at"
                        + " FROM support_case c" + where.where() + " ORDER BY c.next_due_at ASC NULLS LAST, c.id ASC")
                .unwrap(NativeQuery.class);
        query.addScalar("id", UUID.class).addScalar("next_due_at", Instant.class)
                .setMaxResults(KeysetPage.rowsToFetch(limit));
        KeysetPage<Object[]> page = KeysetPage.of(where.bind(query).getResultList(), limit,
                row -> new KeysetCursor((Instant) row[1], (UUID) row[0]));

        List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, SupportCase> cases = ids.isEmpty() ? Map.of()
                : SupportCase.<SupportCase>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<CaseListing.Entry> items = new ArrayList<>();
        for (Object[] row : page.items()) {
            SupportCase supportCase = cases.get((UUID) row[0]);
            if (supportCase != null) {
                items.add(new CaseListing.Entry(supportCase, (Instant) row[1]));
            }
        }
        return new CaseListing(items, page.nextCursor(), now);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
