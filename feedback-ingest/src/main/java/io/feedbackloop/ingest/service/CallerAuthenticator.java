package io.feedbackloop.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.feedbackloop.ingest.repository.ApiKey;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the request's credentials into a {@link Caller}: {@code X-Api-Key} for support channels,
 * {@code Authorization: Bearer <admin token>} for administrators. Keys are looked up by hash on
 * every request, so a revoked key stops working at once.
 */
@ApplicationScoped
public class CallerAuthenticator {

    @ConfigProperty(name = "ingest.admin-token")
    Optional<String> adminToken;

    @Transactional
    public Caller authenticate(String apiKey, String authorization) {
        if (isAdmin(authorization)) {
            return Caller.ofAdmin();
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw unauthorized("send the channel's API key in the X-Api-Key header");
        }
        ApiKey key = ApiKey.byHash(hash(apiKey.trim()));
        if (key == null || key.revokedAt != null) {
            throw unauthorized("the API key is unknown or revoked");
        }
        return Caller.ofChannel(key.channel);
    }

    /** For the admin API: only the admin token will do. */
    public void requireAdmin(String authorization, String apiKey) {
        if (isAdmin(authorization)) {
            return;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            throw new ProblemException(Problem.of(403, "admin-only", "Forbidden",
                    "channel API keys cannot manage channels; use the admin token"));
        }
        throw unauthorized("send the admin token as 'Authorization: Bearer <token>'");
    }

    private boolean isAdmin(String authorization) {
        if (adminToken.isEmpty() || adminToken.get().isBlank() || authorization == null
                || !authorization.startsWith("Bearer ")) {
            return false;
        }
        // constant-time comparison: the token must not leak through response timing
        return MessageDigest.isEqual(adminToken.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    /** API keys are 192-bit random strings, so an unsalted SHA-256 is enough to make a stolen table useless. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
