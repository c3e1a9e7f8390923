package io.feedbackloop.notifier.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message about one feedback as the customer would get it now: the live template of its kind, in
 * the customer's language, with their name, written by the notifier (the caller never sees the
 * contact it comes from).
 *
 * @param channel          where it would go: the first of the kind's channels the customer can and may
 *                         be reached on; when none ({@code suppressedReason}) or no contact is known,
 *                         the kind's first channel
 * @param body             the plain-text part (email), or the text message (sms)
 * @param html             the HTML part of an email, everything the agent or the customer wrote escaped;
 *                         null on sms
 * @param contactKnown     false when the notifier knows no contact for the feedback yet: no name (a
 *                         neutral salutation), and the default language unless an earlier message
 *                         about the feedback told the customer's
 * @param suppressedReason why the customer would get nothing now (no address, opted out, suppression
 *                         list); null when it would go out
 */
@Schema(description = "A message as the customer would get it now")
public record FollowUpPreview(@Schema(examples = "ru") String locale, @Schema(examples = "email") String channel,
                              String subject, String body, String html, boolean contactKnown,
                              String suppressedReason) {

    /**
     * What to preview. The ids are strings read with {@code RequestIds}, so that a malformed one is a
     * 400 naming its field.
     *
     * @param text   the agent's reply (case-reply), the resolution (case-resolution) or the improvement's
     *               message (improvement); not used by case-acknowledgement; may be empty
     * @param caseId the case (case kinds); optional when a message about the feedback already names it,
     *               and then it must be that one
     * @param title  the improvement's title (required for improvement)
     */
    @Schema(name = "FollowUpPreviewRequest")
    public record Request(@Schema(format = "uuid", examples = "0b6f3c52-8a4e-4d1f-9a7c-2e5d8f1b3c4a") @NotNull String feedbackId,
                          @NotNull @Pattern(regexp = "case-reply|case-resolution|case-acknowledgement|improvement",
                                  message = "must be one of [case-reply, case-resolution, case-acknowledgement, improvement]")
                          String kind,
                          @Size(max = 5000) String text,
                          @Schema(format = "uuid") String caseId,
                          @Size(max = 200) String title) {
    }
}
