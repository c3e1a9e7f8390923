package io.feedbackloop.action.rules;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The lead-only CRUD of an ordered, named list of rules with JSON conditions. Subclasses say what
 * else a rule holds, how it is checked, and how it is shown.
 *
 * @param <R> the rule entity
 * @param <Q> the request a lead writes
 * @param <C> the conditions type, stored as JSON
 * @param <V> the view returned to the lead
 */
@Transactional
public abstract class OrderedRuleBook<R extends OrderedRule, Q extends RuleDraft, C, V> {

    /** Where a new rule without a position goes: this far after the last one, leaving room in between. */
    private static final int POSITION_STEP = 10;

    @Inject
    ObjectMapper mapper;

    @Inject
    ConditionsReader checks;

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
    protected void checkOwnFields(Q request, List<Problem.Violation> violations) {
    }

    /** Copies the subclass's own fields from a valid request. */
    protected abstract void applyOwnFields(Q request, R rule);

    protected abstract V view(R rule);

    public List<V> list(Caller caller) {
        caller.requireLead();
        return OrderedRule.inOrder(ruleType).stream().map(this::view).toList();
    }

    public V create(Caller caller, Q request) {
        caller.requireLead();
        C conditions = validConditions(request);
        refuseTakenName(request.name(), null);
        R rule = newRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = clock.instant();
        rule.position = request.position() != null ? request.position() : nextPosition();
        rule.enabled = request.enabled() == null || request.enabled();
        apply(request, conditions, rule);
        rule.persist();
        return view(rule);
    }

    public V update(Caller caller, UUID id, Q request) {
        caller.requireLead();
        R rule = existing(id);
        C conditions = validConditions(request);
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

    C conditionsOf(R rule) {
        return mapper.convertValue(rule.conditions, conditionsType);
    }

    @SuppressWarnings("unchecked")
    private void apply(Q request, C conditions, R rule) {
        rule.name = request.name();
        rule.conditions = mapper.convertValue(conditions, Map.class);
        applyOwnFields(request, rule);
        rule.updatedAt = clock.instant();
    }

    private C validConditions(Q request) {
        List<Problem.Violation> violations = checks.check(request);
        C conditions = checks.conditions(request.conditions(), conditionsType, hasNoConditions, violations);
        checkOwnFields(request, violations);
        ConditionsReader.refuseIfAny(violations);
        return conditions;
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
