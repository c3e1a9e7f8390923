package io.feedbackloop.notifier.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the SMS gateway reports: {@code reference}, the id we sent the message under; {@code status}, delivered or failed. */
public record DeliveryReceipt(@NotBlank String reference, @NotBlank String status, @Size(max = 500) String error) {
}
