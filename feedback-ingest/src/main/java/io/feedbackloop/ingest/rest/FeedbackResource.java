package io.feedbackloop.ingest.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.feedbackloop.ingest.api.CommentPatch;
import io.feedbackloop.ingest.api.FeedbackPage;
import io.feedbackloop.ingest.api.FeedbackSubmission;
import io.feedbackloop.ingest.api.FeedbackView;
import io.feedbackloop.ingest.api.LoopView;
import io.feedbackloop.ingest.mapping.FeedbackMapper;
import io.feedbackloop.ingest.model.FeedbackFilter;
import io.feedbackloop.ingest.rest.security.Callers;
import io.feedbackloop.ingest.service.FeedbackService;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feedback")
@Tag(name = "Feedback", description = "Submit feedback from a support channel and follow it through the loop")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
public class FeedbackResource {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    @Inject
    FeedbackService service;

    @Inject
    SecurityIdentity identity;

    @Inject
    FeedbackMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a feedback",
            description = "Stores the feedback and publishes feedback.received.v1. Send the same Idempotency-Key "
                    + "(or the same externalId) again and you get the first answer back instead of a second feedback.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "NPS with a comment", value = """
                    {"customer":{"id":"c-1042","email":"anna@example.com","name":"Anna","locale":"en"},
                     "channel":"web","touchpoint":"checkout","journeyStage":"purchase",
                     "npsScore":3,"text":"Checkout kept failing"}"""),
            @ExampleObject(name = "CSAT and CES after a support chat", value = """
                    {"customer":{"id":"c-77","phone":"+79161234567","name":"Иван","segment":"enterprise","locale":"ru"},
                     "channel":"chat","touchpoint":"support-chat","journeyStage":"support",
                     "scores":[{"metric":"csat","value":2,"scale":"1-5"},{"metric":"ces","value":3}],
                     "text":"Ждал ответа 40 минут","language":"ru","externalId":"chat-88121",
                     "metadata":{"agent":"a-17","queue":"billing"}}""")}))
    @APIResponse(responseCode = "201", description = "Accepted into the loop (or an idempotent retry of it)",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; nothing was stored")
    @APIResponse(responseCode = "403", description = "The key belongs to another channel")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request")
    @RolesAllowed({Roles.CHANNEL, Roles.ADMIN})
    public Response submit(@NotNull @Valid FeedbackSubmission submission,
                           @Parameter(description = "Any unique string per logical request, at most 200 characters")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("Idempotency-Key", "Size",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"))));
        }
        FeedbackService.Accepted accepted = service.accept(Callers.of(identity),
                FeedbackMapper.toNewFeedback(submission),
                idempotencyKey, submission);
        FeedbackView feedback = mapper.toView(accepted.feedback());
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/feedback/" + feedback.id()))
                .entity(feedback);
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Show a feedback and where it is in the loop")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id (or another channel's feedback)")
    @RolesAllowed({Roles.CHANNEL, Roles.ANALYST, Roles.ADMIN})
    public FeedbackView get(@PathParam("id") String id) {
        return mapper.toView(service.find(Callers.of(identity), RequestIds.parse("id", id)));
    }

    @GET
    @Path("/{id}/loop")
    @Operation(summary = "Where a feedback is in the loop, without the feedback or its customer",
            description = "The stage and every step so far (received, categorized, action_opened, followed_up, "
                    + "follow_up_failed, action_resolved) and when the feedback was received: what a console shows "
                    + "an agent or lead working the feedback's case. A channel key sees its own channel's feedback only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoopView.class),
            examples = @ExampleObject(name = "followed up", value = """
                    {"stage":"followed_up","receivedAt":"2026-11-23T09:00:00Z","steps":[
                     {"stage":"received","at":"2026-11-23T09:00:00Z","detail":"via web"},
                     {"stage":"categorized","at":"2026-11-23T09:00:01Z","detail":"detractor"},
                     {"stage":"action_opened","at":"2026-11-23T09:00:02Z","detail":"case 7d1e5a2b-0c4f-4e59-9a51-3f1b2c6d8e90"},
                     {"stage":"followed_up","at":"2026-11-23T09:00:04Z","detail":"case 7d1e5a2b-0c4f-4e59-9a51-3f1b2c6d8e90 via email"}]}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "Unknown id (or another channel's feedback)")
    @RolesAllowed({Roles.CHANNEL, Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    public LoopView loop(@PathParam("id") String id) {
        return FeedbackMapper.toLoopView(service.loop(Callers.of(identity), RequestIds.parse("id", id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Add the comment that arrived after the score",
            description = "Publishes feedback.commented.v1. The same comment again changes nothing; a different one is a 409.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "409", description = "The feedback already has a different comment")
    @RolesAllowed({Roles.CHANNEL, Roles.ADMIN})
    public FeedbackView comment(@PathParam("id") String id, @NotNull @Valid CommentPatch patch) {
        return mapper.toView(service.comment(Callers.of(identity), RequestIds.parse("id", id), patch.text(),
                patch.language()));
    }

    @GET
    @Operation(summary = "List feedback, newest first",
            description = "A channel key sees its own channel's feedback only. Follow nextCursor for the next page.")
    @RolesAllowed({Roles.CHANNEL, Roles.ANALYST, Roles.ADMIN})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    public FeedbackPage list(@Parameter(description = "received at or after (ISO-8601)") @QueryParam("from") String from,
                             @Parameter(description = "received before (ISO-8601)") @QueryParam("to") String to,
                             @QueryParam("channel") String channel,
                             @QueryParam("touchpoint") String touchpoint,
                             @QueryParam("customerId") String customerId,
                             @QueryParam("cursor") String cursor,
                             @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit) {
        int pageSize = pageSize(limit);
        FeedbackFilter filter = new FeedbackFilter(instant("from", from), instant("to", to),
                channel == null ? null : Channels.parse(channel).wireName(), touchpoint, customerId);
        return mapper.toPage(service.list(Callers.of(identity), filter, cursor, pageSize));
    }

    private static int pageSize(String limit) {
        try {
            int size = limit == null ? 50 : Integer.parseInt(limit.trim());
            if (size >= 1 && size <= 200) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("limit", "Range",
                "must be a whole number between 1 and 200"))));
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, "date-time",
                    "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z"))));
        }
    }
}
