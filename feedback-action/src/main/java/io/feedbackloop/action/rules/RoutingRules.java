package io.feedbackloop.action.rules;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.action.teams.Team;
import io.feedbackloop.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The routing rules: which team, and optionally which person, owns a new case (the team's leads edit them). */
@ApplicationScoped
@Transactional
public class RoutingRules extends OrderedRuleBook<RoutingRule, RoutingRules.Draft, RoutingConditions> {

    public RoutingRules() {
        super(RoutingRule.class, RoutingConditions.class, RoutingConditions::isEmpty, "routing rule");
    }

    /**
     * A routing rule as a lead writes it.
     *
     * @param conditions a {@link RoutingConditions}; unknown keys are refused
     * @param teamId     the team that owns the cases it matches
     * @param assignee   optional: an active member of that team who gets them
     */
    public record Draft(String name, Integer position, Boolean enabled, JsonNode conditions, String teamId,
                        String assignee) implements RuleDraft {
    }

    @Override
    protected RoutingRule newRule() {
        return new RoutingRule();
    }

    @Override
    protected void checkOwnFields(Draft draft, List<Problem.Violation> violations) {
        boolean teamIdMalformed = violations.stream().anyMatch(v -> "teamId".equals(v.field()));
        if (teamIdMalformed) {
            return; // not looked up: a malformed id (a NUL, say) is already refused by name
        }
        if (draft.teamId() != null && !draft.teamId().isBlank() && Team.findById(draft.teamId()) == null) {
            violations.add(new Problem.Violation("teamId", "known-team", "is not a team"));
        } else if (draft.assignee() != null && !isActiveMember(draft.assignee(), draft.teamId())) {
            violations.add(new Problem.Violation("assignee", "team-member",
                    "must be an active member of team " + draft.teamId()));
        }
    }

    /** A routing rule belongs to the team it routes to: that team's leads may change it. */
    @Override
    protected String teamOfRule(RoutingRule rule) {
        return rule.teamId;
    }

    @Override
    protected String teamOfDraft(Draft draft) {
        return draft.teamId();
    }

    @Override
    protected void applyOwnFields(Draft draft, RoutingRule rule) {
        rule.teamId = draft.teamId();
        rule.assignee = draft.assignee();
    }

    static boolean isActiveMember(String email, String teamId) {
        TeamMember member = TeamMember.byEmail(email);
        return member != null && member.active && teamId != null && teamId.equals(member.teamId);
    }
}
