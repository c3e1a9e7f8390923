package io.feedbackloop.ingest.api;

import java.util.List;

import io.feedbackloop.ingest.model.Channel;
import io.feedbackloop.ingest.model.Metric;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin posts to define a survey: what it measures, how it goes out, and when it is sent. */
public record SurveyDefinition(
        @Schema(description = "A slug naming the survey for good; invitations and answers refer to it",
                examples = "post-purchase-nps")
        @NotNull @Pattern(regexp = Surveys.ID_PATTERN, message = Surveys.ID_MESSAGE) String id,
        @Schema(examples = "NPS after a purchase") @NotBlank @Size(max = 200) String name,
        @Schema(description = "nps, csat or ces", examples = "nps") @NotNull Metric metric,
        @Schema(description = "The channel the invitation goes out on", examples = "email") @NotNull Channel channel,
        @Schema(description = "Business events of these touchpoints pick this survey", examples = "[\"checkout\"]")
        @Size(max = 50) List<@NotNull @Size(max = 100)
                @Pattern(regexp = Surveys.TOUCHPOINT_PATTERN, message = Surveys.TOUCHPOINT_MESSAGE) String> touchpoints,
        @Schema(description = "Do not ask a customer again within this many days (0: no limit); "
                + "overrides ingest.contact-frequency-days for this survey", examples = "90")
        @Min(0) @Max(365) Integer contactFrequencyDays) {
}
