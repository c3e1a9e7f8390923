package io.feedbackloop.action.teams.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.teams.Teams;
import io.feedbackloop.action.teams.api.MemberRequest;
import io.feedbackloop.action.teams.api.MemberView;
import io.feedbackloop.action.teams.api.NewMemberView;
import io.feedbackloop.action.teams.api.TeamRequest;
import io.feedbackloop.action.teams.api.TeamView;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Tag(name = "Teams", description = "Teams that own cases, their calendars and members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
// the injected Caller is the one of this request
@RequestScoped
public class TeamResource {

    @Inject
    Teams teams;

    @Inject
    Caller caller;

    @Inject
    RequestForms forms;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List the teams")
    public List<TeamView> list() {
        return teams.list().stream().map(TeamMapper::view).toList();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Show a team and its calendar")
    public TeamView get(@PathParam("id") String id) {
        return TeamMapper.view(teams.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a team (administrators)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "400", description = "Invalid team; each wrong field is named")
    public Response create(TeamRequest request) {
        List<Problem.Violation> violations = forms.violations(request);
        TeamView team = TeamMapper.view(teams.create(TeamMapper.settings(request), violations));
        return Response.created(URI.create("/api/v1/teams/" + team.id())).entity(team).build();
    }

    @PUT
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Change a team's name, calendar or fallback role (its leads)")
    public TeamView update(@PathParam("id") String id,
                           TeamRequest request) {
        List<Problem.Violation> violations = forms.violations(request);
        return TeamMapper.view(teams.update(caller, id, TeamMapper.settings(request), violations));
    }

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/members")
    @Operation(summary = "Add a member (the team's leads); without a password the answer shows a generated one, once")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewMemberView.class)))
    public Response addMember(@PathParam("id") String id, MemberRequest request) {
        List<Problem.Violation> violations = forms.violations(request);
        NewMemberView member = TeamMapper.view(teams.addMember(caller, id, TeamMapper.newMember(request), violations));
        return Response.created(URI.create("/api/v1/teams/" + id + "/members")).entity(member).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/members")
    @Operation(summary = "List a team's members (the team's own people, analysts, administrators)")
    public List<MemberView> members(@PathParam("id") String id) {
        return teams.members(caller, id).stream().map(TeamMapper::view).toList();
    }

    @DELETE
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/members/{email}")
    @Operation(summary = "Deactivate a member (the team's leads): no more sign-in, refresh or token exchange")
    @APIResponse(responseCode = "204", description = "Deactivated")
    public void deactivate(@PathParam("id") String id,
                           @PathParam("email") String email) {
        teams.deactivate(caller, id, email);
    }
}
