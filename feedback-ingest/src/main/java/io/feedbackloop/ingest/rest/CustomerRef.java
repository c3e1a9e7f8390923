package io.feedbackloop.ingest.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer who gave the feedback: who to follow up with, and in which language. */
public record CustomerRef(
        @Schema(description = "The customer's id in the channel's own system", examples = "c-1042")
        @NotBlank @Size(max = 100) String id,
        @Schema(description = "Where the follow-up email goes", examples = "anna@example.com")
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") String email,
        @Schema(description = "Used to greet the customer by name", examples = "Anna")
        @Size(max = 200) String name,
        @Schema(description = "Language of follow-up messages (ru or en; others fall back to en)", examples = "ru")
        @Pattern(regexp = "^[a-z]{2}(-[A-Z]{2})?$", message = "must be a language tag such as en or ru-RU") String locale) {
}
