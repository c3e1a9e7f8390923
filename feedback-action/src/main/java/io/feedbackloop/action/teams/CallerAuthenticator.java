package io.feedbackloop.action.teams;

import io.feedbackloop.action.config.ActionConfig;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns {@code Authorization: Bearer <token>} into a {@link Caller}: the admin token, or a team
 * member's personal token. Tokens are looked up by hash on every request, so deactivating a
 * member locks them out at once.
 */
@ApplicationScoped
public class CallerAuthenticator {

    @Inject
    ActionConfig config;

    @Transactional
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw unauthorized("send your personal token as 'Authorization: Bearer <token>'");
        }
        String token = authorization.substring("Bearer ".length()).trim();
        String adminToken = config.adminToken().orElse("");
        if (!adminToken.isBlank() && Secrets.same(adminToken, token)) {
            return Caller.admin();
        }
        TeamMember member = TeamMember.byTokenHash(hash(token));
        if (member == null || !member.active) {
            throw unauthorized("the token is unknown or its member was deactivated");
        }
        return new Caller(member.email, member.teamId, member.role);
    }

    /** A new personal token, shown once. */
    public static String newToken() {
        return Secrets.newSecret("mbr_");
    }

    public static String hash(String token) {
        return Secrets.hash(token);
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }
}
