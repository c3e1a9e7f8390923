package io.feedbackloop.action.improvements.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.improvements.ImprovementActions;
import io.feedbackloop.action.improvements.api.ImprovementActionRequest;
import io.feedbackloop.action.improvements.api.ImprovementActionView;
import io.feedbackloop.action.improvements.api.ImprovementLinkRequest;
import io.feedbackloop.action.improvements.api.ImprovementLinkResult;
import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "You said, we did": leads tell the customers whose feedback led to a change what was done, in
 * stages. Everyone with a token may read; only leads of the action's team (or the administrator)
 * create, link, publish and release.
 */
@Path("/api/v1/improvement-actions")
@Tag(name = "Improvement actions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
// the injected Caller is the one of this request
@RequestScoped
public class ImprovementActionResource {

    @Inject
    Caller caller;

    @Inject
    ImprovementActions actions;

    @Inject
    RequestForms forms;

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft an improvement action: what a team changed and what its customers are told")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImprovementActionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown team")
    @APIResponse(responseCode = "403", description = "Not a lead of the team")
    public Response create(ImprovementActionRequest request) {
        ImprovementActionView created = ImprovementMapper.view(actions.create(caller, ImprovementMapper.draft(request),
                violations(request)));
        return Response.created(URI.create("/api/v1/improvement-actions/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List improvement actions, newest first")
    public List<ImprovementActionView> list(@QueryParam("team") String team,
                                            @Parameter(schema = @Schema(type = SchemaType.STRING,
                                                    enumeration = {"draft", "published"}))
                                            @QueryParam("status") String status) {
        return actions.list(team, status).stream().map(ImprovementMapper::view).toList();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Show an improvement action with how many customers are linked, told and still waiting")
    @APIResponse(responseCode = "404", description = "Unknown improvement action")
    public ImprovementActionView get(@PathParam("id") String id) {
        return ImprovementMapper.view(actions.find(RequestIds.parse("id", id)));
    }

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link the feedback the action answers: explicit ids, or a theme (group or leaf) "
            + "and a response-time window [from, to); linking twice changes nothing")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImprovementLinkResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields; an unknown feedback id is named by its index")
    public ImprovementLinkResult link(@PathParam("id") String id, ImprovementLinkRequest request) {
        UUID actionId = RequestIds.parse("id", id);
        return ImprovementMapper.view(actions.link(caller, actionId, ImprovementMapper.links(request),
                violations(request)));
    }

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/publish")
    @Operation(summary = "Publish: the first batch of customers is told now, the rest after release")
    @APIResponse(responseCode = "409", description = "Already published")
    public ImprovementActionView publish(@PathParam("id") String id) {
        return ImprovementMapper.view(actions.publish(caller,
                RequestIds.parse("id", id)));
    }

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/release")
    @Operation(summary = "Release after checking the first messages went well: everyone else linked is told, in batches")
    @APIResponse(responseCode = "409", description = "Not published yet, or already released")
    public ImprovementActionView release(@PathParam("id") String id) {
        return ImprovementMapper.view(actions.release(caller,
                RequestIds.parse("id", id)));
    }

    /** A missing body is judged with the rest, after the caller's rights (lead of the team, a known action). */
    private List<Problem.Violation> violations(Object body) {
        return body == null
                ? new ArrayList<>(List.of(new Problem.Violation("body", "NotNull", "must not be null")))
                : forms.violations(body);
    }
}
