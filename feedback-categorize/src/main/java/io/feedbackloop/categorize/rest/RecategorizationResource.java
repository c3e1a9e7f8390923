package io.feedbackloop.categorize.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.categorize.api.RecategorizationViews;
import io.feedbackloop.categorize.mapping.RecategorizationMapper;
import io.feedbackloop.categorize.service.RecategorizationService;
import io.feedbackloop.kit.problem.RequestIds;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recategorizations")
@Tag(name = "Recategorization (replay)")
@Produces(MediaType.APPLICATION_JSON)
public class RecategorizationResource {

    @Inject
    RecategorizationService jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-categorize stored feedback with the knowledge and model in force",
            description = "Runs in the background in batches; each changed feedback is announced once on "
                    + "feedback.recategorized.v1 (reason replay), unchanged ones are not, corrected fields are kept. "
                    + "With dryRun nothing is stored or published: the report says what would change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dry run over November",
            value = "{\"dryRun\": true, \"from\": \"2026-11-01T00:00:00Z\", \"to\": \"2026-12-01T00:00:00Z\", \"requestedBy\": \"olga@ops.example\"}")))
    @APIResponse(responseCode = "202", description = "Started; follow Location for progress and the report")
    public Response start(@Valid RecategorizationViews.Request request) {
        RecategorizationViews.Request given = request == null
                ? new RecategorizationViews.Request(false, null, null, null) : request;
        RecategorizationViews.Job job = RecategorizationMapper.toView(
                jobs.start(given.dryRun(), given.from(), given.to(), given.requestedBy()));
        return Response.accepted(job).location(URI.create("/api/v1/recategorizations/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress and report of a recategorization")
    public RecategorizationViews.Job get(@PathParam("id") String id) {
        return RecategorizationMapper.toView(jobs.find(RequestIds.parse("id", id)));
    }

    @GET
    @Operation(summary = "The latest 50 recategorizations, newest first")
    public List<RecategorizationViews.Job> list() {
        return jobs.list().stream().map(RecategorizationMapper::toView).toList();
    }
}
