package io.feedbackloop.action.identity.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A personal access token for a script.
 *
 * @param name          what it is for, e.g. "nightly export"
 * @param expiresInDays left out: valid until revoked
 */
public record PersonalTokenRequest(@NotBlank @Size(max = 100) String name,
                                   @Min(1) @Max(3650) Integer expiresInDays) {
}
