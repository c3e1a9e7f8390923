package io.feedbackloop.ingest.rest;

import java.net.URI;

import io.feedbackloop.ingest.api.InvitationRequest;
import io.feedbackloop.ingest.api.InvitationView;
import io.feedbackloop.ingest.mapping.CustomerMapper;
import io.feedbackloop.ingest.mapping.InvitationMapper;
import io.feedbackloop.ingest.rest.security.AbuseLimits;
import io.feedbackloop.ingest.rest.security.Callers;
import io.feedbackloop.ingest.service.InvitationService;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Business systems ask for a survey invitation when something happened; the contact-frequency rules
 * decide. An invitation a channel asked for is that channel's: other channels do not see it.
 */
@Path("/api/v1/invitations")
@Tag(name = "Invitations", description = "Invite customers to answer a survey, within the contact-frequency rules")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
public class InvitationResource {

    @Inject
    InvitationService invitations;

    @Inject
    AbuseLimits limits;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a customer to answer a survey",
            description = "201 and survey.invited.v1 when the customer is invited; 200 with status skipped when a "
                    + "rule says no (e.g. contact-frequency: asked within the last N days), which is final. "
                    + "Reminders (reminderOf) are exempt from the contact-frequency rule. The same eventId again "
                    + "returns the first invitation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "After a purchase", value = """
                    {"surveyId":"post-purchase-nps","touchpoint":"checkout","eventId":"order-88121-paid",
                     "customer":{"id":"c-1042","email":"anna@example.com","name":"Anna","locale":"en"}}"""),
            @ExampleObject(name = "A reminder", value = """
                    {"surveyId":"post-purchase-nps","reminderOf":"0b6f1c8e-4d4a-4c36-9a43-0c9d1f1e2a11",
                     "customer":{"id":"c-1042","email":"anna@example.com","name":"Anna","locale":"en"}}""")}))
    @APIResponse(responseCode = "201", description = "Invited: survey.invited.v1 is on its way",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "200", description = "Skipped by a rule (see reason); not retried",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, unknown survey or wrong reminderOf")
    @APIResponse(responseCode = "429", description = "The channel asked for more invitations this hour than allowed")
    @RolesAllowed({Roles.CHANNEL, Roles.ADMIN})
    public Response invite(@NotNull @Valid InvitationRequest request) {
        Caller caller = Callers.of(identity);
        limits.admitInvitation(caller);
        InvitationService.Decision decision = invitations.invite(caller, request.surveyId(),
                CustomerMapper.toContact(request.customer()), request.touchpoint(), request.reminderOf(),
                request.eventId());
        InvitationView invitation = InvitationMapper.toView(decision.invitation());
        Response.ResponseBuilder response = "invited".equals(invitation.status())
                ? Response.created(URI.create("/api/v1/invitations/" + invitation.id()))
                : Response.ok();
        response.entity(invitation);
        if (decision.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Show an invitation and its answer, if any")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown invitation (or another channel's)")
    @RolesAllowed({Roles.CHANNEL, Roles.ANALYST, Roles.ADMIN})
    public InvitationView get(@PathParam("id") String id) {
        return InvitationMapper.toView(invitations.find(Callers.of(identity), RequestIds.parse("id", id)));
    }
}
