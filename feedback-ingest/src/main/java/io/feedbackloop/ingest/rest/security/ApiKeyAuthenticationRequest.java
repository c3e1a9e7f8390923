package io.feedbackloop.ingest.rest.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A support channel's API key as it came in {@code X-Api-Key}, to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
