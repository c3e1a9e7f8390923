package io.feedbackloop.categorize.rest;

import io.feedbackloop.categorize.service.CategorizationService;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.RequestIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/categorizations")
@Tag(name = "Categorizations")
@Produces(MediaType.APPLICATION_JSON)
public class CategorizationResource {

    @Inject
    CategorizationService service;

    @GET
    @Path("/{feedbackId}")
    @Operation(summary = "Show how a feedback was categorized")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    @APIResponse(responseCode = "404", description = "Not categorized (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CategorizationView get(@PathParam("feedbackId") String feedbackId) {
        return service.find(RequestIds.parse("feedbackId", feedbackId));
    }
}
