package io.feedbackloop.action.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import io.feedbackloop.action.repository.TeamMember;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns {@code Authorization: Bearer <token>} into a {@link Caller}: the admin token, or a team
 * member's personal token. Tokens are looked up by hash on every request, so deactivating a
 * member locks them out at once.
 */
@ApplicationScoped
public class CallerAuthenticator {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "action.admin-token")
    Optional<String> adminToken;

    @Transactional
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw unauthorized("send your personal token as 'Authorization: Bearer <token>'");
        }
        String token = authorization.substring("Bearer ".length()).trim();
        if (adminToken.isPresent() && !adminToken.get().isBlank()
                && MessageDigest.isEqual(adminToken.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Caller.admin();
        }
        TeamMember member = TeamMember.byTokenHash(hash(token));
        if (member == null || !member.active) {
            throw unauthorized("the token is unknown or its member was deactivated");
        }
        return new Caller(member.email, member.teamId, member.role);
    }

    /** A new personal token: 192 random bits, shown once. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "mbr_" + HexFormat.of().formatHex(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }
}
