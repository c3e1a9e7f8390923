package io.feedbackloop.notifier.rest;

import java.util.List;
import java.util.Set;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.feedbackloop.notifier.api.FollowUpView;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.service.FollowUpService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The messages sent to customers: names, addresses, quoted feedback and agents' replies. Leads and
 * admins read them (a lead answers for what customers were told); a message carries a team only
 * when it is about a case, so thanks and invitations cannot be scoped to an agent's team, and
 * agents read their cases' replies in feedback-action instead. Only an admin sends one again.
 */
@Path("/api/v1/followups")
@Tag(name = "Follow-ups")
// the bearer scheme, declared once for the whole document; every protected resource names it
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A signed access token of the loop's issuer (feedback-action /auth/token) or the company's OIDC provider")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.LEAD, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    private static final Set<String> STATUSES = Set.of(FollowUp.QUEUED, FollowUp.SENDING, FollowUp.SENT,
            FollowUp.DELIVERED, FollowUp.FAILED, FollowUp.SUPPRESSED);

    @Inject
    FollowUpService service;

    @GET
    @Operation(summary = "Messages: every message about one feedback (oldest first), or the newest by customer, status and kind")
    public List<FollowUpView> list(@QueryParam("feedbackId") String feedbackId,
                                   @QueryParam("customerId") String customerId,
                                   @QueryParam("status") String status,
                                   @QueryParam("kind") String kind,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        if (feedbackId != null) {
            return service.forFeedback(RequestIds.parse("feedbackId", feedbackId)).stream().map(FollowUpMapper::toView)
                    .toList();
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("status", "one-of",
                    "must be one of " + STATUSES))));
        }
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("limit", "range",
                    "must be between 1 and 1000"))));
        }
        return service.search(customerId, status, kind, limit).stream().map(FollowUpMapper::toView).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message with its status, reason, attempts and the text that went out")
    public FollowUpView find(@PathParam("id") String id) {
        return FollowUpMapper.toView(service.find(RequestIds.parse("id", id)));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a failed message again (e.g. after the provider's credentials were fixed)")
    public FollowUpView retry(@PathParam("id") String id) {
        return FollowUpMapper.toView(service.retry(RequestIds.parse("id", id)));
    }
}
