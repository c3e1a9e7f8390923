package io.feedbackloop.action.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A signed-in person's own account at the built-in issuer: the password and the personal access
 * tokens. Someone signed in through the company's own provider has no account here.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final String PAT_PREFIX = "pat_";

    /** A personal access token just created, with the secret that is shown this once. */
    public record NewToken(PersonalAccessToken token, String secret) {
    }

    @Inject
    TokenGrants grants;

    @Inject
    Clock clock;

    /** The caller's account, if the built-in issuer has one. */
    public Optional<TeamMember> of(Caller caller) {
        return Optional.ofNullable(TeamMember.byEmail(caller.name())).filter(member -> member.active);
    }

    /** A new password ends every other sign-in: a stolen session does not outlive the change. */
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        TeamMember member = account(caller);
        List<Problem.Violation> violations = new java.util.ArrayList<>();
        if (!Passwords.matches(currentPassword, member.passwordHash)) {
            violations.add(new Problem.Violation("currentPassword", "matches", "is not your current password"));
        }
        Passwords.weakness(newPassword).ifPresent(weakness ->
                violations.add(new Problem.Violation("newPassword", "strength", weakness)));
        Refusals.refuseIfAny(violations);
        member.passwordHash = Passwords.hash(newPassword);
        grants.revokeAllSignIns(member);
    }

    public List<PersonalAccessToken> tokens(Caller caller) {
        return PersonalAccessToken.of(account(caller).id);
    }

    /** @param lifetime null: valid until revoked */
    public NewToken createToken(Caller caller, String name, Duration lifetime) {
        TeamMember member = account(caller);
        String secret = Secrets.newSecret(PAT_PREFIX);
        PersonalAccessToken token = new PersonalAccessToken();
        token.id = UUID.randomUUID();
        token.memberId = member.id;
        token.name = name.strip();
        token.tokenHash = Secrets.hash(secret);
        token.createdAt = clock.instant();
        token.expiresAt = lifetime == null ? null : token.createdAt.plus(lifetime);
        token.persist();
        return new NewToken(token, secret);
    }

    /** Idempotent; another person's token is answered like an unknown one. */
    public void revokeToken(Caller caller, UUID id) {
        PersonalAccessToken token = PersonalAccessToken.findById(id);
        if (token == null || !token.memberId.equals(account(caller).id)) {
            throw ProblemException.notFound("personal access token", id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
    }

    private TeamMember account(Caller caller) {
        return of(caller).orElseThrow(() -> new ProblemException(Problem.of(404, "no-account", "Not Found",
                caller.name() + " has no account at the loop's built-in issuer (signed in through another provider?)")));
    }
}
