package io.feedbackloop.action.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.feedbackloop.action.config.AuthConfig;
import io.feedbackloop.kit.ratelimit.RateLimiter;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What the token endpoint grants: an access token for a password (with a refresh token), for a
 * refresh token (rotated: each is used once), or for a personal access token (no refresh token:
 * the script exchanges its PAT again). Every grant reads the person as they are now, so a
 * deactivated member gets nothing and a changed role or team shows in the next token.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = InvalidGrantException.class)
public class TokenGrants {

    static final String WRONG_PASSWORD = "unknown email or wrong password";
    private static final String REFRESH_PREFIX = "rt_";

    /** What the token endpoint answers; {@code refreshToken} is null for a personal access token. */
    public record Grant(String accessToken, long expiresIn, String refreshToken) {
    }

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuthConfig config;

    @Inject
    Clock clock;

    private RateLimiter perUsername;
    private RateLimiter perAddress;

    @PostConstruct
    void limits() {
        AuthConfig.SignIn signIn = config.signIn();
        perUsername = new RateLimiter("sign-in per email",
                new RateLimiter.Limit(signIn.attemptsPerUsername(), signIn.period()));
        perAddress = new RateLimiter("sign-in per client address",
                new RateLimiter.Limit(signIn.attemptsPerAddress(), signIn.period()));
    }

    /** @throws io.feedbackloop.kit.ratelimit.RateLimitExceededException before the password is even looked at */
    public Grant password(String email, String password, String clientAddress) {
        perAddress.acquire(clientAddress);
        perUsername.acquire(email.toLowerCase(Locale.ROOT));
        TeamMember member = TeamMember.byEmail(email);
        // the hash is checked for an unknown email too: the answer takes as long and says the same
        boolean matches = Passwords.matches(password, member == null ? null : member.passwordHash);
        if (member == null || !matches || !member.active) {
            throw new InvalidGrantException(WRONG_PASSWORD);
        }
        return new Grant(accessTokens.issue(member), accessTokens.lifetimeSeconds(),
                newRefreshToken(member, UUID.randomUUID()));
    }

    /**
     * Rotates a refresh token. One that was already used means two parties hold it (a copy was
     * stolen): its whole family is revoked, so the thief and the person both sign in again.
     */
    public Grant refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken stored = RefreshToken.byHash(Secrets.hash(refreshToken));
        if (stored == null || stored.revokedAt != null || !stored.expiresAt.isAfter(now)) {
            throw new InvalidGrantException("the refresh token is unknown, expired or revoked; sign in again");
        }
        if (stored.usedAt != null) {
            RefreshToken.revokeFamily(stored.familyId, now);
            throw new InvalidGrantException("the refresh token was used before; every token of this sign-in is "
                    + "revoked, sign in again");
        }
        stored.usedAt = now;
        TeamMember member = TeamMember.findById(stored.memberId);
        if (member == null || !member.active) {
            RefreshToken.revokeFamily(stored.familyId, now);
            throw new InvalidGrantException("the refresh token is unknown, expired or revoked; sign in again");
        }
        return new Grant(accessTokens.issue(member), accessTokens.lifetimeSeconds(),
                newRefreshToken(member, stored.familyId));
    }

    public Grant personalAccessToken(String token, String clientAddress) {
        perAddress.acquire(clientAddress);
        Instant now = clock.instant();
        PersonalAccessToken stored = PersonalAccessToken.byHash(Secrets.hash(token));
        TeamMember member = stored == null ? null : TeamMember.findById(stored.memberId);
        if (stored == null || !stored.usableAt(now) || member == null || !member.active) {
            throw new InvalidGrantException("the personal access token is unknown, expired or revoked");
        }
        stored.lastUsedAt = now;
        return new Grant(accessTokens.issue(member), accessTokens.lifetimeSeconds(), null);
    }

    /**
     * Ends a sign-in: its refresh token family is revoked. The caller's access token still works
     * until it expires (minutes): it is verified without asking the issuer.
     */
    public void logout(Caller caller, String refreshToken) {
        RefreshToken stored = RefreshToken.byHash(Secrets.hash(refreshToken));
        TeamMember member = TeamMember.byEmail(caller.name());
        // someone else's refresh token is answered like an unknown one: logging out reveals nothing
        if (stored != null && member != null && stored.memberId.equals(member.id)) {
            RefreshToken.revokeFamily(stored.familyId, clock.instant());
        }
    }

    /** Every sign-in of the member ends (a new password, a deactivation). */
    public void revokeAllSignIns(TeamMember member) {
        RefreshToken.update("revokedAt = ?1 where memberId = ?2 and revokedAt is null", clock.instant(), member.id);
    }

    private String newRefreshToken(TeamMember member, UUID familyId) {
        String token = Secrets.newSecret(REFRESH_PREFIX);
        RefreshToken stored = new RefreshToken();
        stored.id = UUID.randomUUID();
        stored.familyId = familyId;
        stored.memberId = member.id;
        stored.tokenHash = Secrets.hash(token);
        stored.createdAt = clock.instant();
        stored.expiresAt = stored.createdAt.plus(config.issuer().refreshTokenLifetime());
        stored.persist();
        return token;
    }
}
