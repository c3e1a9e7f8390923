package io.feedbackloop.notifier.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.notifier.api.FollowUpPreview;
import io.feedbackloop.notifier.api.FollowUpView;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.service.FollowUpService;
import io.feedbackloop.notifier.service.MessagePreviews;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The messages sent to customers: names, quoted feedback and agents' replies. Leads and admins read
 * them all (a lead answers for what customers were told). An agent reads those about the feedback
 * or case they work, by its id: thanks and invitations carry no team, so a search cannot be scoped
 * to an agent's team. Agents, leads and admins preview the message a customer would get now. Only
 * an admin sends one again.
 */
@Path("/api/v1/followups")
@Tag(name = "Follow-ups")
// the bearer scheme, declared once for the whole document; every protected resource names it
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A signed access token of the loop's issuer (feedback-action /auth/token) or the company's OIDC provider")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.LEAD, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    private static final Set<String> STATUSES = Set.of(FollowUp.QUEUED, FollowUp.SENDING, FollowUp.SENT,
            FollowUp.DELIVERED, FollowUp.FAILED, FollowUp.SUPPRESSED);

    @Inject
    FollowUpService service;

    @Inject
    MessagePreviews previews;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Operation(summary = "Messages: every message about one feedback or one case (oldest first), or the newest by customer, status and kind",
            description = "An agent must give feedbackId or caseId (else 400 naming feedbackId) and reads each message "
                    + "without the provider's message id and with the token of the customer's unsubscribe link "
                    + "replaced by <token>. With feedbackId or caseId the other filters are not used.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUpView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A malformed id, status or limit; or an agent gave neither feedbackId nor caseId")
    public List<FollowUpView> list(@Parameter(description = "every message about this feedback") @QueryParam("feedbackId") String feedbackId,
                                   @Parameter(description = "every message about this case (with feedbackId: about both)") @QueryParam("caseId") String caseId,
                                   @QueryParam("customerId") String customerId,
                                   @QueryParam("status") String status,
                                   @QueryParam("kind") String kind,
                                   @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") @DefaultValue("100") int limit) {
        Caller caller = caller();
        if (feedbackId != null || caseId != null) {
            UUID feedback = feedbackId == null ? null : RequestIds.parse("feedbackId", feedbackId);
            UUID theCase = caseId == null ? null : RequestIds.parse("caseId", caseId);
            return views(caller, service.about(feedback, theCase));
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("status", "one-of",
                    "must be one of " + STATUSES))));
        }
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("limit", "range",
                    "must be between 1 and 1000"))));
        }
        return views(caller, service.search(caller, customerId, status, kind, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message with its status, reason, attempts and the text that went out")
    public FollowUpView find(@PathParam("id") String id) {
        return FollowUpMapper.toView(service.find(RequestIds.parse("id", id)));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a failed message again (e.g. after the provider's credentials were fixed)")
    public FollowUpView retry(@PathParam("id") String id) {
        return FollowUpMapper.toView(service.retry(RequestIds.parse("id", id)));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Operation(summary = "The message about a feedback exactly as its customer would get it now",
            description = "Written with the live template of the kind, in the customer's language and with their name, "
                    + "from what the notifier knows of the customer (the caller never sees their contact): text escaped in "
                    + "the HTML part as in real sends; the unsubscribe link is a sample one. Without a known contact: the "
                    + "default language, a neutral salutation, contactKnown false. Sends nothing and stores nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "an agent's reply", value = """
                    {"feedbackId":"0b6f3c52-8a4e-4d1f-9a7c-2e5d8f1b3c4a","kind":"case-reply",
                     "caseId":"7d1e5a2b-0c4f-4e59-9a51-3f1b2c6d8e90",
                     "text":"We found the parcel at the depot; it will be with you tomorrow morning."}"""),
            @ExampleObject(name = "an improvement", value = """
                    {"feedbackId":"0b6f3c52-8a4e-4d1f-9a7c-2e5d8f1b3c4a","kind":"improvement",
                     "title":"A shorter, sturdier checkout",
                     "text":"We rebuilt checkout: one page, and your cart is saved if anything goes wrong."}""")}))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUpPreview.class)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field, named (feedbackId, kind, text, title, caseId)")
    public FollowUpPreview preview(@NotNull @Valid FollowUpPreview.Request request) {
        MessageKind kind = MessageKind.of(request.kind()).orElseThrow();   // one of four, as validated
        UUID feedbackId = RequestIds.parse("feedbackId", request.feedbackId());
        UUID caseId = request.caseId() == null ? null : RequestIds.parse("caseId", request.caseId());
        return FollowUpMapper.toPreview(previews.forFeedback(feedbackId, kind, request.text(), caseId, request.title()));
    }

    private List<FollowUpView> views(Caller caller, List<FollowUp> messages) {
        if (FollowUpService.readsWholeRecord(caller)) {
            return messages.stream().map(FollowUpMapper::toView).toList();
        }
        return messages.stream().map(f -> FollowUpMapper.toAgentView(f, service.bodyForAgent(f))).toList();
    }

    private Caller caller() {
        return Caller.person(identity.getPrincipal().getName(), identity.getRoles(), Set.of());
    }
}
