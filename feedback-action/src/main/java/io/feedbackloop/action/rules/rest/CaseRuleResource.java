package io.feedbackloop.action.rules.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.action.rest.RequestBodies;
import io.feedbackloop.action.rules.CaseRules;
import io.feedbackloop.action.rules.api.CaseRuleRequest;
import io.feedbackloop.action.rules.api.CaseRuleView;
import io.feedbackloop.action.teams.CallerAuthenticator;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
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

@Path("/api/v1/case-rules")
@Tag(name = "Case rules", description = "Which categorized feedback opens a case (leads); tried in ascending position, the first enabled match wins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or unknown token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a lead",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseRuleResource {

    @Inject
    CaseRules rules;

    @Inject
    CallerAuthenticator authenticator;

    @GET
    @Operation(summary = "List the rules in the order they are tried")
    public List<CaseRuleView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return rules.list(authenticator.authenticate(authorization));
    }

    @POST
    @Operation(summary = "Add a rule")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CaseRuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rule; each wrong field or unknown condition is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CaseRuleRequest request) {
        CaseRuleView rule = rules.create(authenticator.authenticate(authorization), RequestBodies.required(request));
        return Response.created(URI.create("/api/v1/case-rules/" + rule.id())).entity(rule).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a rule (a position or enabled flag left out is kept)")
    public CaseRuleView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("id") String id, CaseRuleRequest request) {
        return rules.update(authenticator.authenticate(authorization), RequestIds.parse("id", id),
                RequestBodies.required(request));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        rules.delete(authenticator.authenticate(authorization), RequestIds.parse("id", id));
    }
}
