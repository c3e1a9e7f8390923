package io.feedbackloop.action.sla.rest;

import java.util.List;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.sla.SlaPolicies;
import io.feedbackloop.action.sla.api.SlaPolicyRequest;
import io.feedbackloop.action.sla.api.SlaPolicyView;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "First-response and resolution targets per case priority")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SlaPolicyResource {

    @Inject
    SlaPolicies policies;

    @Inject
    RequestForms forms;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List the policies, lowest priority first")
    public List<SlaPolicyView> list() {
        return policies.list().stream().map(SlaPolicyMapper::view).toList();
    }

    @PUT
    @Path("/{priority}")
    // one policy per priority for every team: the administrator's
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the policy of a priority (administrators); applies to cases opened from now on")
    @APIResponse(responseCode = "400", description = "Invalid policy; each wrong field is named")
    public SlaPolicyView put(@PathParam("priority") String priority, SlaPolicyRequest request) {
        List<Problem.Violation> violations = forms.violations(request);
        return SlaPolicyMapper.view(policies.put(priority, SlaPolicyMapper.targets(request), violations));
    }
}
