package io.feedbackloop.action.sla.rest;

import java.util.List;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.sla.SlaPolicies;
import io.feedbackloop.action.sla.api.SlaPolicyRequest;
import io.feedbackloop.action.sla.api.SlaPolicyView;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.action.teams.CallerAuthenticator;
import io.feedbackloop.kit.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "First-response and resolution targets per case priority")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or unknown token")
public class SlaPolicyResource {

    @Inject
    SlaPolicies policies;

    @Inject
    CallerAuthenticator authenticator;

    @Inject
    RequestForms forms;

    @GET
    @Operation(summary = "List the policies, lowest priority first")
    public List<SlaPolicyView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        return policies.list().stream().map(SlaPolicyMapper::view).toList();
    }

    @PUT
    @Path("/{priority}")
    @Operation(summary = "Set the policy of a priority (leads); applies to cases opened from now on")
    @APIResponse(responseCode = "400", description = "Invalid policy; each wrong field is named")
    @APIResponse(responseCode = "403", description = "Not a lead")
    public SlaPolicyView put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("priority") String priority, SlaPolicyRequest request) {
        Caller caller = authenticator.authenticate(authorization);
        List<Problem.Violation> violations = forms.violations(request);
        return SlaPolicyMapper.view(policies.put(caller, priority, SlaPolicyMapper.targets(request), violations));
    }
}
