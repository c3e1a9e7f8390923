package io.feedbackloop.notifier.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.feedbackloop.notifier.api.TemplateViews.Preview;
import io.feedbackloop.notifier.api.TemplateViews.PreviewRequest;
import io.feedbackloop.notifier.api.TemplateViews.TemplateInfo;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.model.MessageLocale;
import io.feedbackloop.notifier.service.ChannelChooser;
import io.feedbackloop.notifier.service.MessageComposer;
import io.feedbackloop.notifier.service.MessagePreviews;
import io.feedbackloop.notifier.service.Triggers;
import io.quarkus.qute.TemplateException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What each message looks like before a customer sees it: the admins who configure messages. */
@Path("/api/v1/templates")
@Tag(name = "Templates")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    /** What a preview shows where the request gives no value: every key each template reads. */
    private static final Map<String, String> SAMPLE_DETAILS = Map.of(
            "caseNumber", "7D1E5A2B",
            "reply", "We found the parcel at the depot; it will be with you tomorrow morning.",
            "resolution", "We refunded the delivery fee and spoke to the courier company.",
            "title", "A shorter, sturdier checkout",
            "message", "We rebuilt checkout: one page, and your cart is saved if anything goes wrong.",
            "surveyName", "NPS after a purchase",
            "surveyUrl", "https://surveys.example/s/post-purchase-nps?invitation=sample",
            "reminder", "false",
            "reviewUrl", "https://reviews.example/write");

    @Inject
    MessageComposer composer;

    @Inject
    Triggers triggers;

    @Inject
    FollowUpConfig config;

    @Inject
    MessagePreviews previews;

    @GET
    @Operation(summary = "Every message kind, the event that triggers it, its channels and the locales it is written in")
    public List<TemplateInfo> list() {
        return Arrays.stream(MessageKind.values()).map(kind -> new TemplateInfo(kind.id(), kind.topic(),
                triggers.enabled(kind), config.messages().get(kind.id()).channels(),
                List.of("en", "ru").stream().filter(l -> composer.hasTemplates(kind.id(), l)).toList())).toList();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a message with sample content, exactly as a customer would receive it")
    public Preview preview(@NotNull PreviewRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (MessageKind.of(request.kind()).isEmpty()) {
            violations.add(new Problem.Violation("kind", "one-of", "must be one of "
                    + Arrays.stream(MessageKind.values()).map(MessageKind::id).toList()));
        }
        String channel = request.channel() == null ? ChannelChooser.EMAIL : request.channel();
        if (!List.of(ChannelChooser.EMAIL, ChannelChooser.SMS, ChannelChooser.WEBHOOK).contains(channel)) {
            violations.add(new Problem.Violation("channel", "one-of", "must be one of [email, sms, webhook]"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        String locale = MessageLocale.of(request.locale());
        Map<String, String> details = new HashMap<>(SAMPLE_DETAILS);
        if (request.details() != null) {
            details.putAll(request.details());
        }
        MessageComposer.ComposedMessage message;
        try {
            message = previews.render(request.kind(), channel, locale, request.customerName(), request.quote(),
                    request.team(), request.respondBy(), config.defaultTimeZone(), details);
        } catch (TemplateException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("details", "template",
                    "the template cannot be written with these details: " + e.getMessage()))));
        }
        return new Preview(request.kind(), channel, message.locale(), message.subject(), message.text(), message.html());
    }
}
