package io.feedbackloop.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signed tokens for the services' tests, as the loop's issuer writes them: issuer, audience,
 * roles in {@code groups}, teams in {@code teams}, 15 minutes to live. A service's test profile
 * verifies them with {@code mp.jwt.verify.publickey.location=test-jwt/public-key.pem}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8083/auth";
    public static final String AUDIENCE = "feedback-loop";
    private static final String KEY = "test-jwt/private-key.pem";
    private static final String STRANGER_KEY = "test-jwt/stranger-private-key.pem";

    private TestTokens() {
    }

    public static String admin() {
        return person("admin@example.org", Set.of(Roles.ADMIN), Set.of());
    }

    public static String analyst() {
        return person("analyst@example.org", Set.of(Roles.ANALYST), Set.of());
    }

    public static String agent(String team) {
        return person("agent-" + team + "@example.org", Set.of(Roles.AGENT), Set.of(team));
    }

    public static String lead(String team) {
        return person("lead-" + team + "@example.org", Set.of(Roles.LEAD), Set.of(team));
    }

    public static String person(String email, Set<String> roles, Set<String> teams) {
        Instant now = Instant.now();
        return sign(email, roles, teams, now, now.plus(Duration.ofMinutes(15)), KEY);
    }

    /** Valid in every other respect, but expired ten minutes ago (beyond any clock skew allowed). */
    public static String expired(String email, Set<String> roles, Set<String> teams) {
        Instant now = Instant.now();
        return sign(email, roles, teams, now.minus(Duration.ofMinutes(25)), now.minus(Duration.ofMinutes(10)), KEY);
    }

    /** Well formed, but signed by a key the services do not trust. */
    public static String signedByStranger(String email, Set<String> roles, Set<String> teams) {
        Instant now = Instant.now();
        return sign(email, roles, teams, now, now.plus(Duration.ofMinutes(15)), STRANGER_KEY);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(String email, Set<String> roles, Set<String> teams, Instant issuedAt,
                               Instant expiresAt, String key) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(email).upn(email).groups(roles)
                .claim("teams", teams).issuedAt(issuedAt).expiresAt(expiresAt)
                .jws().keyId("test").sign(key);
    }
}
