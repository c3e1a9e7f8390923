package io.feedbackloop.ingest.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.repository.ApiKey;
import io.feedbackloop.kit.security.Secrets;
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

    /** Creates a key; the returned view is the only time the key itself is shown. */
    public ApiKeyView issue(Channel channel, String label) {
        String key = Secrets.newSecret("fbk_");
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.channel = channel.wireName();
        apiKey.keyHash = Secrets.hash(key);
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
