package io.feedbackloop.notifier.events;

import jakarta.validation.constraints.NotBlank;

/**
 * The customer as {@code survey.invited.v1} carries them: the invitation names where to send it,
 * so it keeps its contact data; {@code timeZone} is optional (IANA id).
 */
public record InvitedCustomer(@NotBlank String id, String email, String phone, String name, String locale,
                              String timeZone) {
}
