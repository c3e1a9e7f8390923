package io.feedbackloop.action.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment: an internal note for colleagues (never leaves this service), or a reply to the customer
 * (published on action.updated.v1 for the notifier to send; the first one is the case's first response).
 */
public record NewComment(@Schema(enumeration = {"internal", "customer"}, required = true)
                         @NotNull @Pattern(regexp = "internal|customer", message = "must be internal or customer")
                         String visibility,
                         @Schema(required = true, maxLength = 5000) @NotBlank @Size(max = 5000) String text) {
}
