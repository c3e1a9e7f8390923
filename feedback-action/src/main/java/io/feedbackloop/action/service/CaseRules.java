package io.feedbackloop.action.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.action.repository.CaseRule;
import io.feedbackloop.action.repository.FeedbackCopy;
import io.feedbackloop.action.rest.CaseRuleRequest;
import io.feedbackloop.action.rest.CaseRuleView;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The rules, kept as data and edited by leads, that decide which categorized feedback opens a case. */
@ApplicationScoped
@Transactional
public class CaseRules {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    RequestChecks checks;

    @Inject
    Clock clock;

    /** The rule that matched and the priority of the case it opens. */
    public record Match(CaseRule rule, CasePriority priority) {
    }

    /**
     * The defaults, written only into an empty table (a lead may delete them for good). Fixed ids
     * and ON CONFLICT DO NOTHING let replicas that start together seed them once. The specific
     * rules come before the general ones because the first match wins and sets the priority.
     */
    void seedDefaults(@Observes StartupEvent startup) {
        entityManager.createNativeQuery("""
                INSERT INTO case_rule (id, name, position, enabled, conditions, case_priority, created_at, updated_at)
                SELECT v.id::uuid, v.name, v.position, TRUE, v.conditions::jsonb, v.case_priority, ?1, ?1
                FROM (VALUES
                    ('5eed0000-0000-4000-8000-000000000001', 'legal-or-safety', 10,
                     '{"urgency":["legal","safety"]}', 'critical'),
                    ('5eed0000-0000-4000-8000-000000000002', 'negative-billing-enterprise', 20,
                     '{"sentiments":["negative"],"themes":["billing"],"segments":["enterprise"]}', 'high'),
                    ('5eed0000-0000-4000-8000-000000000003', 'nps-detractor', 30, '{"npsMax":6}', NULL),
                    ('5eed0000-0000-4000-8000-000000000004', 'csat-bad', 40, '{"csatMax":2}', NULL)
                ) AS v (id, name, position, conditions, case_priority)
                WHERE NOT EXISTS (SELECT 1 FROM case_rule)
                ON CONFLICT DO NOTHING""").setParameter(1, clock.instant()).executeUpdate();
    }

    /** The first enabled rule, in position order, that the feedback matches. */
    public Optional<Match> firstMatch(FeedbackCopy feedback) {
        return CaseRule.enabledInOrder().stream().filter(rule -> conditionsOf(rule).matches(feedback)).findFirst()
                .map(rule -> new Match(rule, rule.casePriority != null ? CasePriority.of(rule.casePriority)
                        : CasePriority.atLeastNormal(feedback.priority)));
    }

    public List<CaseRuleView> list(Caller caller) {
        caller.requireLead();
        return CaseRule.inOrder().stream().map(this::view).toList();
    }

    public CaseRuleView create(Caller caller, CaseRuleRequest request) {
        caller.requireLead();
        RuleConditions conditions = validConditions(request);
        refuseTakenName(request.name(), null);
        CaseRule rule = new CaseRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = clock.instant();
        rule.position = request.position() != null ? request.position() : nextPosition();
        rule.enabled = request.enabled() == null || request.enabled();
        apply(request, conditions, rule);
        rule.persist();
        return view(rule);
    }

    public CaseRuleView update(Caller caller, UUID id, CaseRuleRequest request) {
        caller.requireLead();
        CaseRule rule = existing(id);
        RuleConditions conditions = validConditions(request);
        refuseTakenName(request.name(), id);
        if (request.position() != null) {
            rule.position = request.position();
        }
        if (request.enabled() != null) {
            rule.enabled = request.enabled();
        }
        apply(request, conditions, rule);
        return view(rule);
    }

    public void delete(Caller caller, UUID id) {
        caller.requireLead();
        existing(id).delete();
    }

    private void apply(CaseRuleRequest request, RuleConditions conditions, CaseRule rule) {
        rule.name = request.name();
        rule.conditions = toMap(conditions);
        rule.casePriority = request.casePriority();
        rule.updatedAt = clock.instant();
    }

    private RuleConditions validConditions(CaseRuleRequest request) {
        List<Problem.Violation> violations = checks.check(request);
        RuleConditions conditions = checks.conditions(request.conditions(), RuleConditions.class,
                RuleConditions::isEmpty, violations);
        RequestChecks.refuseIfAny(violations);
        return conditions;
    }

    private static void refuseTakenName(String name, UUID exceptId) {
        CaseRule same = CaseRule.byName(name);
        if (same != null && !same.id.equals(exceptId)) {
            throw new ProblemException(Problem.of(409, "name-taken", "Conflict",
                    "another case rule is already named " + name));
        }
    }

    private static CaseRule existing(UUID id) {
        CaseRule rule = CaseRule.findById(id);
        if (rule == null) {
            throw ProblemException.notFound("case rule", id);
        }
        return rule;
    }

    private static int nextPosition() {
        List<CaseRule> rules = CaseRule.inOrder();
        return rules.isEmpty() ? 10 : rules.get(rules.size() - 1).position + 10;
    }

    private RuleConditions conditionsOf(CaseRule rule) {
        return mapper.convertValue(rule.conditions, RuleConditions.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object conditions) {
        return mapper.convertValue(conditions, Map.class);
    }

    private CaseRuleView view(CaseRule rule) {
        return new CaseRuleView(rule.id, rule.name, rule.position, rule.enabled, conditionsOf(rule), rule.casePriority,
                rule.createdAt, rule.updatedAt);
    }
}
