package io.feedbackloop.action.identity.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.feedbackloop.action.identity.Accounts;
import io.feedbackloop.action.identity.PersonalAccessToken;
import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.action.identity.api.MeView;
import io.feedbackloop.action.identity.api.NewPersonalTokenView;
import io.feedbackloop.action.identity.api.PasswordChange;
import io.feedbackloop.action.identity.api.PersonalTokenRequest;
import io.feedbackloop.action.identity.api.PersonalTokenView;
import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.RequestIds;
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

/** The signed-in person's own account: who they are, their password, their personal access tokens. */
@Path("/api/v1/me")
@Tag(name = "Me", description = "Your account: password and personal access tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
// the injected Caller is the one of this request
@RequestScoped
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @Inject
    RequestForms forms;

    @GET
    @Operation(summary = "Who you are: email, roles and teams as your token says")
    public MeView me() {
        Optional<TeamMember> account = accounts.of(caller);
        return new MeView(caller.name(), account.map(member -> member.name).orElse(null), caller.roles(),
                caller.teams(), account.isPresent());
    }

    @PUT
    @Path("/password")
    @Operation(summary = "Change your password; every other sign-in ends")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one too weak")
    @APIResponse(responseCode = "404", description = "You have no account at the built-in issuer")
    public void changePassword(PasswordChange change) {
        Refusals.refuseIfAny(forms.violations(change));
        accounts.changePassword(caller, change.currentPassword(), change.newPassword());
    }

    @GET
    @Path("/tokens")
    @Operation(summary = "Your personal access tokens, newest first (never the secrets)")
    public List<PersonalTokenView> tokens() {
        return accounts.tokens(caller).stream().map(MeResource::view).toList();
    }

    @POST
    @Path("/tokens")
    @Operation(summary = "Create a personal access token for a script; the answer shows it, once")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewPersonalTokenView.class)))
    public Response createToken(PersonalTokenRequest request) {
        Refusals.refuseIfAny(forms.violations(request));
        Duration lifetime = request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        Accounts.NewToken created = accounts.createToken(caller, request.name(), lifetime);
        PersonalAccessToken token = created.token();
        return Response.created(URI.create("/api/v1/me/tokens/" + token.id))
                .entity(new NewPersonalTokenView(token.id, token.name, token.createdAt, token.expiresAt, created.secret()))
                .build();
    }

    @DELETE
    @Path("/tokens/{id}")
    @Operation(summary = "Revoke a personal access token: it is refused from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of yours")
    public void revokeToken(@PathParam("id") String id) {
        accounts.revokeToken(caller, RequestIds.parse("id", id));
    }

    private static PersonalTokenView view(PersonalAccessToken token) {
        return new PersonalTokenView(token.id, token.name, token.createdAt, token.expiresAt, token.lastUsedAt,
                token.revokedAt);
    }
}
