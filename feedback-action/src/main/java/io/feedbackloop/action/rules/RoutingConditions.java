package io.feedbackloop.action.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.feedback.Themes;
import io.feedbackloop.action.sla.CasePriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * When a routing rule sends a new case to its team. Every condition given must hold; a list
 * condition holds when any of its values does.
 *
 * @param themes     taxonomy paths; a group also matches its leaves
 * @param priorities the priority the case is opened with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingConditions(
        @Size(min = 1) List<@NotBlank @Size(max = 100) String> themes,
        @Size(min = 1) List<@NotBlank @Size(max = 30) String> channels,
        @Size(min = 1) List<@NotBlank @Size(max = 100) String> segments,
        @Size(min = 1) List<@Pattern(regexp = "ru|en|other", message = "must be ru, en or other") String> languages,
        @Size(min = 1) List<@Pattern(regexp = CasePriority.PATTERN, message = "must be low, normal, high or critical")
                String> priorities) {

    @JsonIgnore
    public boolean isEmpty() {
        return themes == null && channels == null && segments == null && languages == null && priorities == null;
    }

    public boolean matches(FeedbackCopy f, CasePriority priority) {
        return (themes == null || Themes.anyUnder(f.themes, themes))
                && (channels == null || channels.contains(f.channel))
                && (segments == null || segments.contains(f.customerSegment))
                && (languages == null || languages.contains(f.language))
                && (priorities == null || priorities.contains(priority.label()));
    }
}
