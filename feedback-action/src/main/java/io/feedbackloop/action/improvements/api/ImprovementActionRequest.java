package io.feedbackloop.action.improvements.api;

import java.util.Map;

import io.feedbackloop.action.feedback.Themes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new improvement action ("you said, we did"), created as a draft.
 *
 * @param message        what customers are told, by language: {@code en} and/or {@code ru}, at most
 *                       2000 characters each; a customer is told it in their language, else in English
 * @param firstBatchSize how many customers are told first (default 20); the rest once a lead
 *                       releases the action after checking those messages went well
 */
public record ImprovementActionRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                message = "must be a team id: lower-case letters, digits and dashes") String teamId,
        @Size(max = 100) @Pattern(regexp = Themes.PATH,
                message = "must be a taxonomy path such as delivery/late") String theme,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Schema(example = "{\"en\": \"You told us checkout kept failing. We rebuilt it.\", "
                + "\"ru\": \"Вы писали, что оформление заказа не работало. Мы его переделали.\"}")
        Map<String, String> message,
        @Min(1) @Max(10_000) Integer firstBatchSize) {
}
