package io.feedbackloop.console.session;

import java.util.Set;

/** Who is signed in, as feedback-action's {@code /api/v1/me} describes them. */
public record Person(String email, String name, Set<String> roles, Set<String> teams) {

    public static final String AGENT = "agent";
    public static final String LEAD = "lead";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Works cases: agents, leads and admins (analysts only read them). */
    public boolean worksCases() {
        return has(AGENT) || has(LEAD) || has(ADMIN);
    }

    public boolean readsMetrics() {
        return has(ANALYST) || has(LEAD) || has(ADMIN);
    }

    public boolean managesSettings() {
        return has(LEAD) || has(ADMIN);
    }

    public boolean isAdmin() {
        return has(ADMIN);
    }

    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
