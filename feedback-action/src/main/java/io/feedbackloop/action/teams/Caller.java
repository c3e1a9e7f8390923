package io.feedbackloop.action.teams;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/**
 * Who is calling: a lead (manages rules, teams and improvement actions, sees every case), an
 * agent (sees and works their own team's cases), or the administrator (a lead without a team,
 * through the admin token, to set up the first teams). Support channels have no credentials
 * here: they cannot read cases.
 *
 * @param person email of the team member, or "admin"
 * @param teamId the member's team (null for the administrator)
 * @param role   agent or lead
 */
public record Caller(String person, String teamId, String role) {

    public static final String AGENT = "agent";
    public static final String LEAD = "lead";

    public static Caller admin() {
        return new Caller("admin", null, LEAD);
    }

    public boolean isLead() {
        return LEAD.equals(role);
    }

    public void requireLead() {
        if (!isLead()) {
            throw new ProblemException(Problem.of(403, "leads-only", "Forbidden",
                    "only a team lead may do this; " + person + " is an agent"));
        }
    }

    /** Leads see every case; agents their own team's. */
    public boolean canSeeTeam(String ownerTeam) {
        return isLead() || (teamId != null && teamId.equals(ownerTeam));
    }

    public void requireTeam(String ownerTeam) {
        if (!canSeeTeam(ownerTeam)) {
            // 404, not 403: an agent must not learn which cases other teams have
            throw new ProblemException(Problem.of(404, "not-found", "case not found", "no such case in your team"));
        }
    }
}
