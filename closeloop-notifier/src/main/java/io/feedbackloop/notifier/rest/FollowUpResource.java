package io.feedbackloop.notifier.rest;

import java.util.List;

import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.notifier.service.FollowUpService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/followups")
@Tag(name = "Follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @Inject
    FollowUpService service;

    @GET
    @Operation(summary = "The messages owed and sent to the customer who gave a feedback")
    public List<FollowUpView> forFeedback(@QueryParam("feedbackId") @NotNull String feedbackId) {
        return service.forFeedback(RequestIds.parse("feedbackId", feedbackId));
    }
}
