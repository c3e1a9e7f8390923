package io.feedbackloop.ingest.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer who gave the feedback: who to follow up with, how, and in which language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerRef(
        @Schema(description = "The customer's id in the channel's own system", examples = "c-1042")
        @NotBlank @Size(max = 100) String id,
        @Schema(description = "Where follow-up emails go", examples = "anna@example.com")
        @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") String email,
        @Schema(description = "Mobile number in E.164 form, for SMS follow-ups", examples = "+79161234567")
        @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 phone number such as +79161234567") String phone,
        @Schema(description = "Used to greet the customer by name", examples = "Anna")
        @Size(max = 200) String name,
        @Schema(description = "Customer segment, e.g. enterprise or consumer", examples = "enterprise")
        @Size(max = 50) String segment,
        @Schema(description = "Language of follow-up messages (ru or en; others fall back to en)", examples = "ru")
        @Pattern(regexp = "^[a-z]{2}(-[A-Z]{2})?$", message = "must be a language tag such as en or ru-RU") String locale) {

    /** We must be able to close the loop with the customer somehow. */
    @JsonIgnore
    @AssertTrue(message = "give an email, a phone, or both")
    public boolean isEmailOrPhone() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
