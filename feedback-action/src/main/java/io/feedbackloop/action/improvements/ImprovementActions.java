package io.feedbackloop.action.improvements;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Improvement actions ("you said, we did"): a team's lead drafts what customers are told, links
 * the feedback it answers (explicitly or by theme and time), publishes it, and releases the rest
 * of the fan-out once the first batch went well. Sending is {@link ImprovementFanOut}'s job.
 */
@ApplicationScoped
@Transactional
public class ImprovementActions {

    static final int DEFAULT_FIRST_BATCH = 20;
    static final int MAX_MESSAGE_LENGTH = 2000;

    @Inject
    EntityManager entityManager;

    @Inject
    ImprovementFanOut fanOut;

    @Inject
    Clock clock;

    /**
     * A new improvement action, created as a draft.
     *
     * @param message        what customers are told, by language: {@code en} and/or {@code ru}; a customer
     *                       is told it in their language, else in English
     * @param firstBatchSize how many customers are told first (null: 20); the rest once a lead releases
     *                       the action after checking those messages went well
     */
    public record Draft(String teamId, String theme, String title, Map<String, String> message,
                        Integer firstBatchSize) {
    }

    /**
     * Feedback an action answers: explicit {@code feedbackIds}, or every feedback with {@code theme}
     * (a group matches its leaves) responded in [{@code from}, {@code to}), ISO-8601 instants read
     * here so that a malformed one is named.
     */
    public record Links(List<UUID> feedbackIds, String theme, String from, String to) {

        boolean byIds() {
            return feedbackIds != null;
        }
    }

    /**
     * @param linked    feedback linked to the action
     * @param announced of them, customers whose message has been published
     * @param pending   linked but not yet announced (held back until release, or next in line)
     */
    public record LinkCounts(long linked, long announced, long pending) {

        static final LinkCounts NONE = new LinkCounts(0, 0, 0);
    }

    /** An action and how far its fan-out is. */
    public record Overview(ImprovementAction action, LinkCounts counts) {
    }

    /**
     * @param added  feedback newly linked by a request (those already linked are not counted again)
     * @param counts the action's links after it
     */
    public record Linked(int added, LinkCounts counts) {
    }

    /**
     * @param draft          null when the request had no body ({@code formViolations} says so)
     * @param formViolations what is wrong with the request's own fields, refused together with the rest
     */
    public Overview create(Caller caller, Draft draft, List<Problem.Violation> formViolations) {
        List<Problem.Violation> violations = formViolations;
        if (draft != null) {
            violations.addAll(AnnouncementLanguage.violations(draft.message()));
        }
        Refusals.refuseIfAny(violations);
        requireLeadOf(caller, draft.teamId());
        if (!teamExists(draft.teamId())) {
            throw invalid("teamId", "exists", "no team with id " + draft.teamId());
        }
        ImprovementAction action = new ImprovementAction();
        action.id = UUID.randomUUID();
        action.teamId = draft.teamId();
        action.theme = draft.theme();
        action.title = draft.title().strip();
        action.message = AnnouncementLanguage.normalized(draft.message());
        action.status = ImprovementAction.DRAFT;
        action.createdBy = caller.name();
        action.createdAt = clock.instant();
        action.firstBatchSize = draft.firstBatchSize() != null ? draft.firstBatchSize() : DEFAULT_FIRST_BATCH;
        action.persist();
        return new Overview(action, LinkCounts.NONE);
    }

    /**
     * Links feedback to the action; idempotent. Links added after publishing are announced too. An
     * erased customer's feedback is not linked (they are not written to again): the copies are
     * locked while linking, so an erasure running at the same time either waits and then drops the
     * new links, or goes first and the copies are found erased.
     *
     * @param links null when the request had no body ({@code formViolations} says so)
     */
    public Linked link(Caller caller, UUID actionId, Links links, List<Problem.Violation> formViolations) {
        ImprovementAction action = existing(actionId);
        requireLeadOf(caller, action.teamId);
        Refusals.refuseIfAny(formViolations);
        int added = links.byIds() ? linkExplicitly(action, caller, links) : linkByTheme(action, caller, links);
        if (added > 0 && action.isPublished()) {
            fanOut.wakeUpAfterCommit();
        }
        return new Linked(added, counts(actionId));
    }

    /** Every member may read every action: agents tell customers on the phone what has been done. */
    public Overview find(UUID actionId) {
        return new Overview(existing(actionId), counts(actionId));
    }

    /** Newest first; optionally one team's or in one status. */
    public List<Overview> list(String teamId, String status) {
        if (status != null && !List.of(ImprovementAction.DRAFT, ImprovementAction.PUBLISHED).contains(status)) {
            throw invalid("status", "enum", "must be one of [draft, published]");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (teamId != null) {
            query.append(" and teamId = :teamId");
            params.put("teamId", teamId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        List<ImprovementAction> actions = ImprovementAction.list(query + " order by createdAt desc, id", params);
        Map<UUID, LinkCounts> counts = counts(actions.stream().map(a -> a.id).toList());
        return actions.stream().map(a -> new Overview(a, counts.getOrDefault(a.id, LinkCounts.NONE))).toList();
    }

    /** The first batch goes out at once; the rest waits for {@link #release}. */
    public Overview publish(Caller caller, UUID actionId) {
        ImprovementAction action = existing(actionId);
        requireLeadOf(caller, action.teamId);
        if (action.isPublished()) {
            throw conflict("already-published", "the improvement action was published at " + action.publishedAt);
        }
        action.status = ImprovementAction.PUBLISHED;
        action.publishedAt = clock.instant();
        fanOut.wakeUpAfterCommit();
        return new Overview(action, counts(actionId));
    }

    /** After checking the first messages went well: tell everyone else, in batches. */
    public Overview release(Caller caller, UUID actionId) {
        ImprovementAction action = existing(actionId);
        requireLeadOf(caller, action.teamId);
        if (!action.isPublished()) {
            throw conflict("not-published", "publish the improvement action first; its first batch goes out then");
        }
        if (action.releasedAt != null) {
            throw conflict("already-released", "the improvement action was released at " + action.releasedAt);
        }
        action.releasedAt = clock.instant();
        fanOut.wakeUpAfterCommit();
        return new Overview(action, counts(actionId));
    }

    private int linkExplicitly(ImprovementAction action, Caller caller, Links links) {
        if (links.theme() != null || links.from() != null || links.to() != null) {
            throw invalid("body", "one-of", "give either feedbackIds, or theme with from and to, not both");
        }
        List<UUID> ids = links.feedbackIds();
        String idArray = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        Set<UUID> known = new java.util.HashSet<>(entityManager.createNativeQuery(
                        "SELECT feedback_id FROM feedback_copy WHERE feedback_id = ANY(string_to_array(?1, ',')::uuid[])",
                        UUID.class)
                .setParameter(1, idArray).getResultList());
        List<Problem.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                unknown.add(new Problem.Violation("feedbackIds[" + i + "]", "exists",
                        "no categorized feedback with id " + ids.get(i) + " is known here"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.invalid(unknown));
        }
        String distinct = String.join(",", new LinkedHashSet<>(ids.stream().map(UUID::toString).toList()));
        return entityManager.createNativeQuery("""
                        INSERT INTO improvement_link (action_id, feedback_id, linked_by, linked_at)
                        SELECT ?1, f.feedback_id, ?2, ?3 FROM feedback_copy f
                        WHERE f.feedback_id = ANY(string_to_array(?4, ',')::uuid[]) AND f.customer_erased_at IS NULL
                        FOR SHARE OF f
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, action.id).setParameter(2, caller.name()).setParameter(3, clock.instant())
                .setParameter(4, distinct).executeUpdate();
    }

    private int linkByTheme(ImprovementAction action, Caller caller, Links links) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (links.theme() == null || links.theme().isBlank()) {
            violations.add(new Problem.Violation("theme", "NotBlank",
                    "give either feedbackIds, or theme with from and to"));
        }
        Instant from = instant("from", links.from(), violations);
        Instant to = instant("to", links.to(), violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Problem.Violation("to", "after-from", "must be after from"));
        }
        Refusals.refuseIfAny(violations);
        // a feedback without a response time counts from when it was categorized
        return entityManager.createNativeQuery("""
                        INSERT INTO improvement_link (action_id, feedback_id, linked_by, linked_at)
                        SELECT ?1, f.feedback_id, ?2, ?3 FROM feedback_copy f
                        WHERE COALESCE(f.responded_at, f.categorized_at) >= ?4
                          AND COALESCE(f.responded_at, f.categorized_at) < ?5
                          AND EXISTS (SELECT 1 FROM unnest(f.themes) AS t(theme)
                                      WHERE t.theme = ?6 OR starts_with(t.theme, ?6 || '/'))
                          AND f.customer_erased_at IS NULL
                        FOR SHARE OF f
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, action.id).setParameter(2, caller.name()).setParameter(3, clock.instant())
                .setParameter(4, from).setParameter(5, to).setParameter(6, links.theme())
                .executeUpdate();
    }

    private static Instant instant(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            violations.add(new Problem.Violation(field, "NotNull", "must not be null"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "type",
                    "must be an ISO-8601 date-time such as 2026-11-23T09:00:00Z"));
            return null;
        }
    }

    private ImprovementAction existing(UUID id) {
        ImprovementAction action = ImprovementAction.findById(id);
        if (action == null) {
            throw ProblemException.notFound("improvement action", id);
        }
        return action;
    }

    /** Leads of the action's team decide what its customers are told; the administrator may too. */
    static void requireLeadOf(Caller caller, String teamId) {
        if (!caller.isAdmin() && !(caller.has(Roles.LEAD) && caller.inTeam(teamId))) {
            throw Refusals.otherTeam("only a lead of team " + teamId + " (or an administrator) may do this");
        }
    }

    private boolean teamExists(String teamId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM team WHERE id = ?1")
                .setParameter(1, teamId).getResultList().isEmpty();
    }

    private LinkCounts counts(UUID actionId) {
        return counts(List.of(actionId)).getOrDefault(actionId, LinkCounts.NONE);
    }

    private Map<UUID, LinkCounts> counts(List<UUID> actionIds) {
        Map<UUID, LinkCounts> counts = new LinkedHashMap<>();
        if (actionIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT action_id, count(*), count(announced_at) FROM improvement_link
                        WHERE action_id = ANY(string_to_array(?1, ',')::uuid[]) GROUP BY action_id""")
                .setParameter(1, actionIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getResultList();
        for (Object[] row : rows) {
            long linked = ((Number) row[1]).longValue();
            long announced = ((Number) row[2]).longValue();
            counts.put((UUID) row[0], new LinkCounts(linked, announced, linked - announced));
        }
        return counts;
    }

    private static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(409, kind, "Conflict", detail));
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, rule, message))));
    }
}
