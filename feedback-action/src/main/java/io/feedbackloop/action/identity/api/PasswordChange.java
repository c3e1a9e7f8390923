package io.feedbackloop.action.identity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new password: at least 12 characters, three kinds of characters, no well-known weak word. */
public record PasswordChange(@NotNull String currentPassword, @NotNull @Size(max = 200) String newPassword) {
}
