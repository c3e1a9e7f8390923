package io.feedbackloop.action.rules;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The CRUD of an ordered, named list of rules with JSON conditions. A rule for the whole loop is
 * the administrator's to change; a rule that names a team (see {@link #teamOfRule}) also that
 * team's leads'. Subclasses say what else a rule holds and how it is checked.
 *
 * @param <R> the rule entity
 * @param <D> the rule as a lead writes it
 * @param <C> the conditions type, stored as JSON
 */
@Transactional
public abstract class OrderedRuleBook<R extends OrderedRule, D extends RuleDraft, C> {

    /** Where a new rule without a position goes: this far after the last one, leaving room in between. */
    private static final int POSITION_STEP = 10;

    @Inject
    ObjectMapper mapper;

    @Inject
    ConditionsReader conditionsReader;

    @Inject
    Clock clock;

    private final Class<R> ruleType;
    private final Class<C> conditionsType;
    private final Predicate<C> hasNoConditions;
    /** How problems name the rule, e.g. "case rule". */
    private final String ruleKind;

    protected OrderedRuleBook(Class<R> ruleType, Class<C> conditionsType, Predicate<C> hasNoConditions,
                              String ruleKind) {
        this.ruleType = ruleType;
        this.conditionsType = conditionsType;
        this.hasNoConditions = hasNoConditions;
        this.ruleKind = ruleKind;
    }

    protected abstract R newRule();

    /** Adds what is wrong with the subclass's own fields; the common ones are already checked. */
    protected void checkOwnFields(D draft, List<Problem.Violation> violations) {
    }

    /** Copies the subclass's own fields from a valid draft. */
    protected abstract void applyOwnFields(D draft, R rule);

    /**
     * The team a rule belongs to, whose leads may change it; null (the default): the rule applies to
     * every team, and only the administrator changes it.
     */
    protected String teamOfRule(R rule) {
        return null;
    }

    /**
     * Whether leads may change (not create or delete) the rules that apply to every team: the ones
     * they tune as they learn what their teams receive. Each change is audited with its author.
     */
    protected boolean leadsTuneLoopWideRules() {
        return false;
    }

    /** The team a new or replacing rule would belong to; see {@link #teamOfRule}. */
    protected String teamOfDraft(D draft) {
        return null;
    }

    /** In the order they are tried. */
    public List<R> list() {
        return OrderedRule.inOrder(ruleType);
    }

    /** @param formViolations what is wrong with the request's own fields, refused together with the rest */
    public R create(Caller caller, D draft, List<Problem.Violation> formViolations) {
        C conditions = validConditions(draft, formViolations);
        requireMayChange(caller, teamOfDraft(draft));
        refuseTakenName(draft.name(), null);
        R rule = newRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = clock.instant();
        rule.position = draft.position() != null ? draft.position() : nextPosition();
        rule.enabled = draft.enabled() == null || draft.enabled();
        apply(draft, conditions, rule);
        rule.persist();
        return rule;
    }

    public R update(Caller caller, UUID id, D draft, List<Problem.Violation> formViolations) {
        R rule = existing(id);
        if (!leadsTuneLoopWideRules() || !caller.has(Roles.LEAD) || teamOfRule(rule) != null) {
            requireMayChange(caller, teamOfRule(rule));
        }
        C conditions = validConditions(draft, formViolations);
        if (!leadsTuneLoopWideRules() || !caller.has(Roles.LEAD) || teamOfDraft(draft) != null) {
            requireMayChange(caller, teamOfDraft(draft));
        }
        refuseTakenName(draft.name(), id);
        if (draft.position() != null) {
            rule.position = draft.position();
        }
        if (draft.enabled() != null) {
            rule.enabled = draft.enabled();
        }
        apply(draft, conditions, rule);
        return rule;
    }

    public void delete(Caller caller, UUID id) {
        R rule = existing(id);
        requireMayChange(caller, teamOfRule(rule));
        rule.delete();
    }

    /** The rule's stored conditions, read back into their type; reads nothing from the database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public C conditionsOf(R rule) {
        return mapper.convertValue(rule.conditions, conditionsType);
    }

    @SuppressWarnings("unchecked")
    private void apply(D draft, C conditions, R rule) {
        rule.name = draft.name();
        rule.conditions = mapper.convertValue(conditions, Map.class);
        applyOwnFields(draft, rule);
        rule.updatedAt = clock.instant();
    }

    private C validConditions(D draft, List<Problem.Violation> violations) {
        C conditions = conditionsReader.read(draft.conditions(), conditionsType, hasNoConditions, violations);
        checkOwnFields(draft, violations);
        Refusals.refuseIfAny(violations);
        return conditions;
    }

    private void requireMayChange(Caller caller, String team) {
        if (caller.isAdmin()) {
            return;
        }
        if (team == null) {
            throw Refusals.adminOnly(ruleKind + "s apply to every team: only an administrator changes them");
        }
        if (!(caller.has(Roles.LEAD) && caller.inTeam(team))) {
            throw Refusals.otherTeam("only a lead of team " + team + " (or an administrator) changes its " + ruleKind + "s");
        }
    }

    private void refuseTakenName(String name, UUID exceptId) {
        R same = OrderedRule.byName(ruleType, name);
        if (same != null && !same.id.equals(exceptId)) {
            throw new ProblemException(Problem.of(409, "name-taken", "Conflict",
                    "another " + ruleKind + " is already named " + name));
        }
    }

    private R existing(UUID id) {
        R rule = OrderedRule.byId(ruleType, id);
        if (rule == null) {
            throw ProblemException.notFound(ruleKind, id);
        }
        return rule;
    }

    private int nextPosition() {
        List<R> rules = OrderedRule.inOrder(ruleType);
        return rules.isEmpty() ? POSITION_STEP : rules.get(rules.size() - 1).position + POSITION_STEP;
    }
}
