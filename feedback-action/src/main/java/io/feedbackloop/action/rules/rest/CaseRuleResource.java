package io.feedbackloop.action.rules.rest;

import io.feedbackloop.action.rules.CaseRule;
import io.feedbackloop.action.rules.CaseRules;
import io.feedbackloop.action.rules.api.CaseRuleRequest;
import io.feedbackloop.action.rules.api.CaseRuleView;
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

@Path(CaseRuleResource.PATH)
@Tag(name = "Case rules", description = "Which categorized feedback opens a case (leads); tried in ascending position, the first enabled match wins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
// the inherited Caller is the one of this request
@RequestScoped
public class CaseRuleResource extends OrderedRuleResource<CaseRuleRequest, CaseRule, CaseRules.Draft, CaseRuleView> {

    static final String PATH = "/api/v1/case-rules";

    @Inject
    CaseRules rules;

    public CaseRuleResource() {
        super(PATH);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a rule")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CaseRuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rule; each wrong field or unknown condition is named")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public RestResponse<CaseRuleView> create(CaseRuleRequest request) {
        return add(request);
    }

    @Override
    protected CaseRules rules() {
        return rules;
    }

    @Override
    protected CaseRules.Draft draft(CaseRuleRequest request) {
        return new CaseRules.Draft(request.name(), request.position(), request.enabled(), request.conditions(),
                request.casePriority());
    }

    @Override
    protected CaseRuleView view(CaseRule rule) {
        return new CaseRuleView(rule.id, rule.name, rule.position, rule.enabled, rules.conditionsOf(rule),
                rule.casePriority, rule.createdAt, rule.updatedAt);
    }
}
