package io.feedbackloop.ingest.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.repository.ApiKey;
import io.feedbackloop.ingest.rest.ApiKeyView;
import io.feedbackloop.ingest.rest.Channel;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Issues, lists and revokes the API keys of support channels. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates a key; the returned view is the only time the key itself is shown. */
    public ApiKeyView issue(Channel channel, String label) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "fbk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.channel = channel.wireName();
        apiKey.keyHash = CallerAuthenticator.hash(key);
        apiKey.keyPrefix = key.substring(0, 8);
        apiKey.label = label;
        apiKey.createdAt = Instant.now();
        apiKey.persist();
        return ApiKeyView.of(apiKey, key);
    }

    public List<ApiKeyView> list(Channel channel) {
        return ApiKey.<ApiKey>list("channel", Sort.by("createdAt"), channel.wireName()).stream()
                .map(k -> ApiKeyView.of(k, null)).toList();
    }

    public ApiKeyView revoke(UUID id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key", id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        return ApiKeyView.of(key, null);
    }
}
