package io.feedbackloop.action.rules;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.feedback.Themes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * When a case rule matches a categorized feedback. Every condition given must hold; a list
 * condition holds when any of its values does. Scores match at or below their maximum, on the
 * scale they were given on.
 *
 * @param themes taxonomy paths; a group ({@code billing}) also matches its leaves ({@code billing/refund})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleConditions(
        @Size(min = 1) List<@Pattern(regexp = "promoter|passive|detractor|good|neutral|bad|agree|disagree",
                message = "must be promoter, passive, detractor, good, neutral, bad, agree or disagree")
                String> scoreClasses,
        @Min(0) @Max(10) Integer npsMax,
        @Min(1) @Max(5) Integer csatMax,
        @Min(0) @Max(10) Integer cesMax,
        @Size(min = 1) List<@Pattern(regexp = "negative|neutral|positive",
                message = "must be negative, neutral or positive") String> sentiments,
        @Size(min = 1) List<@Pattern(regexp = "complaint|problem|idea|question|praise",
                message = "must be complaint, problem, idea, question or praise") String> types,
        @Size(min = 1) List<@NotBlank @Size(max = 100) String> themes,
        @Size(min = 1) List<@Pattern(regexp = "churn|legal|safety", message = "must be churn, legal or safety")
                String> urgency,
        @Size(min = 1) List<@NotBlank @Size(max = 30) String> channels,
        @Size(min = 1) List<@NotBlank @Size(max = 100) String> segments) {

    @JsonIgnore
    public boolean isEmpty() {
        return scoreClasses == null && npsMax == null && csatMax == null && cesMax == null && sentiments == null
                && types == null && themes == null && urgency == null && channels == null && segments == null;
    }

    public boolean matches(FeedbackCopy f) {
        return (scoreClasses == null || anyOf(f.scoreClasses, scoreClasses))
                && atMost(f.npsScore, npsMax) && atMost(f.csatScore, csatMax) && atMost(f.cesScore, cesMax)
                && (sentiments == null || sentiments.contains(f.sentiment))
                && (types == null || types.contains(f.feedbackType))
                && (themes == null || Themes.anyUnder(f.themes, themes))
                && (urgency == null || anyOf(f.urgency, urgency))
                && (channels == null || channels.contains(f.channel))
                && (segments == null || segments.contains(f.customerSegment));
    }

    private static boolean atMost(Integer score, Integer max) {
        return max == null || (score != null && score <= max);
    }

    static boolean anyOf(String[] values, List<String> wanted) {
        return Arrays.stream(values).anyMatch(wanted::contains);
    }
}
