package io.feedbackloop.notifier.events;

import jakarta.validation.constraints.NotBlank;

/** The customer as every upstream event carries them; {@code timeZone} is optional (IANA id). */
public record Customer(@NotBlank String id, String email, String phone, String name, String locale, String timeZone) {
}
