package io.feedbackloop.action.rules.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.rules.OrderedRule;
import io.feedbackloop.action.rules.OrderedRuleBook;
import io.feedbackloop.action.rules.RuleDraft;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.action.teams.CallerAuthenticator;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
public abstract class OrderedRuleResource<Q, R extends OrderedRule, D extends RuleDraft, V> {

    @Inject
    CallerAuthenticator authenticator;

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
    @Operation(summary = "List the rules in the order they are tried")
    public List<V> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return rules().list(authenticator.authenticate(authorization)).stream().map(this::view).toList();
    }

    /**
     * Adds a rule. Each subclass exposes it as its own {@code POST} so that the API documents the
     * rule it answers with (an annotation cannot name a type variable).
     */
    protected RestResponse<V> add(String authorization, Q request) {
        Caller caller = authenticator.authenticate(authorization);
        List<Problem.Violation> violations = forms.violations(request);
        R rule = rules().create(caller, draft(request), violations);
        return RestResponse.ResponseBuilder.<V>created(URI.create(path + "/" + rule.id)).entity(view(rule)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a rule (a position or enabled flag left out is kept)")
    public V update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                    Q request) {
        Caller caller = authenticator.authenticate(authorization);
        UUID ruleId = RequestIds.parse("id", id);
        List<Problem.Violation> violations = forms.violations(request);
        return view(rules().update(caller, ruleId, draft(request), violations));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        rules().delete(authenticator.authenticate(authorization), RequestIds.parse("id", id));
    }
}
