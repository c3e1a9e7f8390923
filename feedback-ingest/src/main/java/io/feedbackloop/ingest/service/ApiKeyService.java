package io.feedbackloop.ingest.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.ingest.model.Channel;
import io.feedbackloop.ingest.repository.ApiKey;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Secrets;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Issues, lists and revokes the API keys of support channels. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    /** A new key: {@code key} itself is known only now, the store keeps its hash. */
    public record Issued(ApiKey apiKey, String key) {
    }

    @Inject
    Clock clock;

    public Issued issue(Channel channel, String label) {
        String key = Secrets.newSecret("fbk_");
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.channel = channel.wireName();
        apiKey.keyHash = Secrets.hash(key);
        apiKey.keyPrefix = key.substring(0, 8);
        apiKey.label = label;
        apiKey.createdAt = clock.instant();
        apiKey.persist();
        return new Issued(apiKey, key);
    }

    /**
     * The channel a key belongs to, looked up by its hash on every request so that a revoked key
     * stops working at once; empty for an unknown or revoked key.
     */
    public Optional<String> channelOf(String key) {
        ApiKey apiKey = ApiKey.byHash(Secrets.hash(key.trim()));
        return apiKey == null || apiKey.revokedAt != null ? Optional.empty() : Optional.of(apiKey.channel);
    }

    public List<ApiKey> list(Channel channel) {
        return ApiKey.list("channel", Sort.by("createdAt"), channel.wireName());
    }

    public ApiKey revoke(UUID id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key", id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        return key;
    }
}
