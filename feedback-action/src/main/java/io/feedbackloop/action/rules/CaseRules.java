package io.feedbackloop.action.rules;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.sla.CasePriority;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The rules, kept as data and edited by leads, that decide which categorized feedback opens a case. */
@ApplicationScoped
@Transactional
public class CaseRules extends OrderedRuleBook<CaseRule, CaseRules.Draft, RuleConditions> {

    @Inject
    EntityManager entityManager;

    public CaseRules() {
        super(CaseRule.class, RuleConditions.class, RuleConditions::isEmpty, "case rule");
    }

    /**
     * Team leads tune which feedback opens a case (conditions, priority, order, on/off): they see
     * first what their teams receive. Adding and deleting case rules stays with administrators.
     */
    @Override
    protected boolean leadsTuneLoopWideRules() {
        return true;
    }

    /**
     * A case rule as a lead writes it.
     *
     * @param conditions   a {@link RuleConditions}; unknown keys are refused
     * @param casePriority the priority of the cases it opens; null: the categorization's, at least normal
     */
    public record Draft(String name, Integer position, Boolean enabled, JsonNode conditions, String casePriority)
            implements RuleDraft {
    }

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

    @Override
    protected CaseRule newRule() {
        return new CaseRule();
    }

    @Override
    protected void applyOwnFields(Draft draft, CaseRule rule) {
        rule.casePriority = draft.casePriority();
    }
}
