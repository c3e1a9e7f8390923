package io.feedbackloop.ingest.mapping;

import io.feedbackloop.ingest.api.ApiKeyView;
import io.feedbackloop.ingest.repository.ApiKey;

/** API keys as the admin API shows them. */
public final class ApiKeyMapper {

    private ApiKeyMapper() {
    }

    /** @param plainKey the key itself, shown only in the answer that created it; else null */
    public static ApiKeyView toView(ApiKey apiKey, String plainKey) {
        return new ApiKeyView(apiKey.id, apiKey.channel, apiKey.label, apiKey.keyPrefix, plainKey, apiKey.createdAt,
                apiKey.revokedAt);
    }
}
