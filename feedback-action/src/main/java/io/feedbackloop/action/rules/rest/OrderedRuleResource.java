package io.feedbackloop.action.rules.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.rules.OrderedRule;
import io.feedbackloop.action.rules.OrderedRuleBook;
import io.feedbackloop.action.rules.RuleDraft;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The endpoints of an ordered rule list leads edit (list, add, replace, delete); a subclass names
 * the path, maps its own request and view, and declares the {@code POST} that adds a rule.
 *
 * @param <Q> the request a lead sends
 * @param <R> the rule entity
 * @param <D> the rule as the domain takes it
 * @param <V> the rule as the API shows it
 */
@SecurityRequirement(name = "bearer")
public abstract class OrderedRuleResource<Q, R extends OrderedRule, D extends RuleDraft, V> {

    @Inject
    Caller caller;

    @Inject
    RequestForms forms;

    private final String path;

    /** @param path the subclass's {@code @Path}, where a new rule's {@code Location} points */
    protected OrderedRuleResource(String path) {
        this.path = path;
    }

    protected abstract OrderedRuleBook<R, D, ?> rules();

    protected abstract D draft(Q request);

    protected abstract V view(R rule);

    @GET
    @RolesAllowed({Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List the rules in the order they are tried")
    public List<V> list() {
        return rules().list().stream().map(this::view).toList();
    }

    /**
     * Adds a rule. Each subclass exposes it as its own {@code POST} so that the API documents the
     * rule it answers with (an annotation cannot name a type variable).
     */
    protected RestResponse<V> add(Q request) {
        List<Problem.Violation> violations = forms.violations(request);
        R rule = rules().create(caller, draft(request), violations);
        return RestResponse.ResponseBuilder.<V>created(URI.create(path + "/" + rule.id)).entity(view(rule)).build();
    }

    @PUT
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Replace a rule (a position or enabled flag left out is kept)")
    public V update(@PathParam("id") String id,
                    Q request) {
        UUID ruleId = RequestIds.parse("id", id);
        List<Problem.Violation> violations = forms.violations(request);
        return view(rules().update(caller, ruleId, draft(request), violations));
    }

    @DELETE
    @RolesAllowed({Roles.LEAD, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") String id) {
        rules().delete(caller, RequestIds.parse("id", id));
    }
}
