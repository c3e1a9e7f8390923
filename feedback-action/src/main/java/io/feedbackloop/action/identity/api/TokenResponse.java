package io.feedbackloop.action.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth2 token response (RFC 6749 §5.1); no refresh token for a personal access token grant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            @JsonProperty("refresh_token") String refreshToken) {
}
