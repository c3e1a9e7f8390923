package io.feedbackloop.ingest.service;

import java.util.Optional;

import io.feedbackloop.ingest.config.IngestConfig;
import io.feedbackloop.ingest.model.Caller;
import io.feedbackloop.ingest.repository.ApiKey;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns the request's credentials into a {@link Caller}: {@code X-Api-Key} for support channels,
 * {@code Authorization: Bearer <admin token>} for administrators. Keys are looked up by hash on
 * every request, so a revoked key stops working at once.
 */
@ApplicationScoped
public class CallerAuthenticator {

    @Inject
    IngestConfig config;

    @Transactional
    public Caller authenticate(String apiKey, String authorization) {
        if (isAdmin(authorization)) {
            return Caller.ofAdmin();
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw unauthorized("send the channel's API key in the X-Api-Key header");
        }
        ApiKey key = ApiKey.byHash(Secrets.hash(apiKey.trim()));
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
        Optional<String> adminToken = config.adminToken();
        if (adminToken.isEmpty() || adminToken.get().isBlank() || authorization == null
                || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return Secrets.same(adminToken.get(), authorization.substring("Bearer ".length()).trim());
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }
}
