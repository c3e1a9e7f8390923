package io.feedbackloop.action.rest;

import java.util.List;

import io.feedbackloop.action.service.CaseService;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseService service;

    @GET
    @Path("/{id}")
    @Operation(summary = "Show a case, with the time left to its first-response deadline")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView get(@PathParam("id") String id) {
        return service.find(RequestIds.parse("id", id));
    }

    @GET
    @Operation(summary = "List the cases opened for a feedback")
    public List<CaseView> forFeedback(@QueryParam("feedbackId") @NotNull String feedbackId) {
        return service.forFeedback(RequestIds.parse("feedbackId", feedbackId));
    }
}
