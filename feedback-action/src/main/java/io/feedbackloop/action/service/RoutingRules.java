package io.feedbackloop.action.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.action.repository.RoutingRule;
import io.feedbackloop.action.repository.Team;
import io.feedbackloop.action.repository.TeamMember;
import io.feedbackloop.action.rest.RoutingRuleRequest;
import io.feedbackloop.action.rest.RoutingRuleView;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The routing rules leads edit: which team, and optionally which person, owns a new case. */
@ApplicationScoped
@Transactional
public class RoutingRules {

    @Inject
    ObjectMapper mapper;

    @Inject
    RequestChecks checks;

    @Inject
    Clock clock;

    public List<RoutingRuleView> list(Caller caller) {
        caller.requireLead();
        return RoutingRule.inOrder().stream().map(this::view).toList();
    }

    public RoutingRuleView create(Caller caller, RoutingRuleRequest request) {
        caller.requireLead();
        RoutingConditions conditions = validConditions(request);
        refuseTakenName(request.name(), null);
        RoutingRule rule = new RoutingRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = clock.instant();
        rule.position = request.position() != null ? request.position() : nextPosition();
        rule.enabled = request.enabled() == null || request.enabled();
        apply(request, conditions, rule);
        rule.persist();
        return view(rule);
    }

    public RoutingRuleView update(Caller caller, UUID id, RoutingRuleRequest request) {
        caller.requireLead();
        RoutingRule rule = existing(id);
        RoutingConditions conditions = validConditions(request);
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

    RoutingConditions conditionsOf(RoutingRule rule) {
        return mapper.convertValue(rule.conditions, RoutingConditions.class);
    }

    @SuppressWarnings("unchecked")
    private void apply(RoutingRuleRequest request, RoutingConditions conditions, RoutingRule rule) {
        rule.name = request.name();
        rule.conditions = mapper.convertValue(conditions, Map.class);
        rule.teamId = request.teamId();
        rule.assignee = request.assignee();
        rule.updatedAt = clock.instant();
    }

    private RoutingConditions validConditions(RoutingRuleRequest request) {
        List<Problem.Violation> violations = checks.check(request);
        RoutingConditions conditions = checks.conditions(request.conditions(), RoutingConditions.class,
                RoutingConditions::isEmpty, violations);
        if (request.teamId() != null && !request.teamId().isBlank() && Team.findById(request.teamId()) == null) {
            violations.add(new Problem.Violation("teamId", "known-team", "is not a team"));
        } else if (request.assignee() != null && !isActiveMember(request.assignee(), request.teamId())) {
            violations.add(new Problem.Violation("assignee", "team-member",
                    "must be an active member of team " + request.teamId()));
        }
        RequestChecks.refuseIfAny(violations);
        return conditions;
    }

    static boolean isActiveMember(String email, String teamId) {
        TeamMember member = TeamMember.byEmail(email);
        return member != null && member.active && member.teamId.equals(teamId);
    }

    private static void refuseTakenName(String name, UUID exceptId) {
        RoutingRule same = RoutingRule.byName(name);
        if (same != null && !same.id.equals(exceptId)) {
            throw new ProblemException(Problem.of(409, "name-taken", "Conflict",
                    "another routing rule is already named " + name));
        }
    }

    private static RoutingRule existing(UUID id) {
        RoutingRule rule = RoutingRule.findById(id);
        if (rule == null) {
            throw ProblemException.notFound("routing rule", id);
        }
        return rule;
    }

    private static int nextPosition() {
        List<RoutingRule> rules = RoutingRule.inOrder();
        return rules.isEmpty() ? 10 : rules.get(rules.size() - 1).position + 10;
    }

    private RoutingRuleView view(RoutingRule rule) {
        return new RoutingRuleView(rule.id, rule.name, rule.position, rule.enabled, conditionsOf(rule), rule.teamId,
                rule.assignee, rule.createdAt, rule.updatedAt);
    }
}
