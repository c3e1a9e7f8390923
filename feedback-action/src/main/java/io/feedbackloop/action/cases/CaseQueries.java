package io.feedbackloop.action.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
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
        if (supportCase == null || !caller.canSeeTeam(supportCase.ownerTeam)) {
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
        StringBuilder sql = new StringBuilder("SELECT c.id, c.next_due_at FROM support_case c WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (!caller.isLead()) {
            condition(sql, params, "c.owner_team = :callerTeam", "callerTeam", caller.teamId());
        }
        condition(sql, params, "c.owner_team = :team", "team", filter.team());
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            condition(sql, params, "c.status IN (:statuses)", "statuses", filter.statuses());
        }
        if (filter.priorities() != null && !filter.priorities().isEmpty()) {
            condition(sql, params, "c.priority IN (:priorities)", "priorities", filter.priorities());
        }
        if (filter.theme() != null) {
            // a group matches its leaves: "delivery" finds "delivery" and "delivery/late", not "delivery-fees"
            sql.append(" AND EXISTS (SELECT 1 FROM unnest(c.themes) AS t(theme)"
                    + " WHERE t.theme = :theme OR t.theme LIKE :themePrefix)");
            params.put("theme", filter.theme());
            params.put("themePrefix", likeEscaped(filter.theme()) + "/%");
        }
        if (CaseFilter.UNASSIGNED.equals(filter.assignee())) {
            sql.append(" AND c.assignee IS NULL");
        } else {
            condition(sql, params, "c.assignee = :assignee", "assignee", filter.assignee());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND c.next_due_at < :now" : " AND (c.next_due_at IS NULL OR c.next_due_at >= :now)");
            params.put("now", now);
        }
        condition(sql, params, "c.feedback_id = :feedbackId", "feedbackId", filter.feedbackId());
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            if (after.nextDueAt() != null) {
                sql.append(" AND (c.next_due_at > :afterDue OR (c.next_due_at = :afterDue AND c.id > :afterId)"
                        + " OR c.next_due_at IS NULL)");
                params.put("afterDue", after.nextDueAt());
            } else {
                sql.append(" AND c.next_due_at IS NULL AND c.id > :afterId");
            }
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY c.next_due_at ASC NULLS LAST, c.id ASC");

        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Panache.getEntityManager().createNativeQuery(sql.toString())
                .unwrap(NativeQuery.class);
        query.addScalar("id", UUID.class).addScalar("next_due_at", Instant.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;

        List<UUID> ids = page.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, SupportCase> cases = ids.isEmpty() ? Map.of()
                : SupportCase.<SupportCase>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<CaseListing.Entry> items = new ArrayList<>();
        for (Object[] row : page) {
            SupportCase supportCase = cases.get((UUID) row[0]);
            if (supportCase != null) {
                items.add(new CaseListing.Entry(supportCase, (Instant) row[1]));
            }
        }
        Object[] last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new CaseListing(items, more ? new Cursor((Instant) last[1], (UUID) last[0]).encode() : null, now);
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name,
                                  Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.put(name, value);
        }
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Where the previous page ended: its last case's sort key (deadline, null for none) and id. */
    record Cursor(Instant nextDueAt, UUID id) {

        String encode() {
            String due = nextDueAt == null ? "-" : nextDueAt.getEpochSecond() + "." + nextDueAt.getNano();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((due + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                Instant due = null;
                if (!"-".equals(parts[0])) {
                    String[] seconds = parts[0].split("\\.");
                    due = Instant.ofEpochSecond(Long.parseLong(seconds[0]), Long.parseLong(seconds[1]));
                }
                return new Cursor(due, UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("cursor", "cursor",
                        "is not a cursor returned by this API"))));
            }
        }
    }
}
