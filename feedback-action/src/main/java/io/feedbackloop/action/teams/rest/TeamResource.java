package io.feedbackloop.action.teams.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.action.teams.CallerAuthenticator;
import io.feedbackloop.action.teams.Teams;
import io.feedbackloop.action.teams.api.MemberRequest;
import io.feedbackloop.action.teams.api.MemberView;
import io.feedbackloop.action.teams.api.NewMemberView;
import io.feedbackloop.action.teams.api.TeamRequest;
import io.feedbackloop.action.teams.api.TeamView;
import io.feedbackloop.kit.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Tag(name = "Teams", description = "Teams that own cases, their calendars and members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or unknown token")
public class TeamResource {

    @Inject
    Teams teams;

    @Inject
    CallerAuthenticator authenticator;

    @Inject
    RequestForms forms;

    @GET
    @Operation(summary = "List the teams")
    public List<TeamView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        return teams.list().stream().map(TeamMapper::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Show a team and its calendar")
    public TeamView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        authenticator.authenticate(authorization);
        return TeamMapper.view(teams.get(id));
    }

    @POST
    @Operation(summary = "Create a team (leads)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "400", description = "Invalid team; each wrong field is named")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, TeamRequest request) {
        Caller caller = authenticator.authenticate(authorization);
        List<Problem.Violation> violations = forms.violations(request);
        TeamView team = TeamMapper.view(teams.create(caller, TeamMapper.settings(request), violations));
        return Response.created(URI.create("/api/v1/teams/" + team.id())).entity(team).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a team's name, calendar or fallback role (leads)")
    public TeamView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                           TeamRequest request) {
        Caller caller = authenticator.authenticate(authorization);
        List<Problem.Violation> violations = forms.violations(request);
        return TeamMapper.view(teams.update(caller, id, TeamMapper.settings(request), violations));
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member (leads); the answer shows their personal token, once")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewMemberView.class)))
    public Response addMember(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("id") String id, MemberRequest request) {
        Caller caller = authenticator.authenticate(authorization);
        List<Problem.Violation> violations = forms.violations(request);
        NewMemberView member = TeamMapper.view(teams.addMember(caller, id, TeamMapper.newMember(request), violations));
        return Response.created(URI.create("/api/v1/teams/" + id + "/members")).entity(member).build();
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "List a team's members, without tokens (leads, and the team's own agents)")
    public List<MemberView> members(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("id") String id) {
        return teams.members(authenticator.authenticate(authorization), id).stream().map(TeamMapper::view).toList();
    }

    @DELETE
    @Path("/{id}/members/{email}")
    @Operation(summary = "Deactivate a member (leads): their token stops working at once")
    @APIResponse(responseCode = "204", description = "Deactivated")
    public void deactivate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                           @PathParam("email") String email) {
        teams.deactivate(authenticator.authenticate(authorization), id, email);
    }
}
