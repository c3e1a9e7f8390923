package io.feedbackloop.action.rules.rest;

import io.feedbackloop.action.rules.RoutingRule;
import io.feedbackloop.action.rules.RoutingRules;
import io.feedbackloop.action.rules.api.RoutingRuleRequest;
import io.feedbackloop.action.rules.api.RoutingRuleView;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(RoutingRuleResource.PATH)
@Tag(name = "Routing rules", description = "Which team owns a new case (leads); tried in ascending position, the first enabled match wins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
// the inherited Caller is the one of this request
@RequestScoped
public class RoutingRuleResource
        extends OrderedRuleResource<RoutingRuleRequest, RoutingRule, RoutingRules.Draft, RoutingRuleView> {

    static final String PATH = "/api/v1/routing-rules";

    @Inject
    RoutingRules rules;

    public RoutingRuleResource() {
        super(PATH);
    }

    @POST
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Operation(summary = "Add a rule")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rule; each wrong field or unknown condition is named")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public RestResponse<RoutingRuleView> create(RoutingRuleRequest request) {
        return add(request);
    }

    @Override
    protected RoutingRules rules() {
        return rules;
    }

    @Override
    protected RoutingRules.Draft draft(RoutingRuleRequest request) {
        return new RoutingRules.Draft(request.name(), request.position(), request.enabled(), request.conditions(),
                request.teamId(), request.assignee());
    }

    @Override
    protected RoutingRuleView view(RoutingRule rule) {
        return new RoutingRuleView(rule.id, rule.name, rule.position, rule.enabled, rules.conditionsOf(rule),
                rule.teamId, rule.assignee, rule.createdAt, rule.updatedAt);
    }
}
