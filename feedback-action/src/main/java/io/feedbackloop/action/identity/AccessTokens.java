package io.feedbackloop.action.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.action.config.AuthConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived access tokens as every service verifies them: issuer, audience, the person's id as
 * subject, email as upn, role in {@code groups}, teams in {@code teams}; signed RS256.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String AUDIENCE = "feedback-loop";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    AuthConfig config;

    @Inject
    SigningKeys keys;

    @Inject
    java.time.Clock clock;

    public String issuer() {
        return issuer;
    }

    public long lifetimeSeconds() {
        return config.issuer().accessTokenLifetime().toSeconds();
    }

    public String issue(TeamMember member) {
        SigningKey key = keys.current();
        Instant now = clock.instant();
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(member.id.toString()).upn(member.email)
                .groups(Set.of(member.role)).claim("teams", member.teams()).claim("jti", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plusSeconds(lifetimeSeconds()))
                .jws().keyId(key.keyId()).sign(key.privateKey());
    }
}
