package io.feedbackloop.categorize.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.categorize.api.RecategorizationViews;
import io.feedbackloop.categorize.mapping.RecategorizationMapper;
import io.feedbackloop.categorize.service.RecategorizationService;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Replays of history. A replay rewrites stored categorizations and announces each change, which
 * relabels and opens cases downstream and cannot be undone: only an admin starts one. Analysts
 * start dry runs (nothing stored, nothing published) to see what a taxonomy edit or model would
 * change, and follow every job.
 */
@Path("/api/v1/recategorizations")
@Tag(name = "Recategorization (replay)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RecategorizationResource {

    @Inject
    RecategorizationService jobs;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-categorize stored feedback with the knowledge and model in force",
            description = "Runs in the background in batches; each changed feedback is announced once on "
                    + "feedback.recategorized.v1 (reason replay), unchanged ones are not, corrected fields are kept. "
                    + "With dryRun nothing is stored or published: the report says what would change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dry run over November",
            value = "{\"dryRun\": true, \"from\": \"2026-11-01T00:00:00Z\", \"to\": \"2026-12-01T00:00:00Z\", \"requestedBy\": \"olga@ops.example\"}")))
    @APIResponse(responseCode = "202", description = "Started; follow Location for progress and the report")
    @APIResponse(responseCode = "403", description = "A replay that stores and announces changes, asked by an analyst")
    public Response start(@Valid RecategorizationViews.Request request) {
        RecategorizationViews.Request given = request == null
                ? new RecategorizationViews.Request(false, null, null, null) : request;
        if (!given.dryRun() && !identity.hasRole(Roles.ADMIN)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "a replay that stores and announces changes needs the role admin; send dryRun true to see what "
                            + "it would change"));
        }
        RecategorizationViews.Job job = RecategorizationMapper.toView(
                jobs.start(given.dryRun(), given.from(), given.to(), author()));
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

    /** The signed-in person, recorded as the author whatever the body says. */
    private String author() {
        return identity.getPrincipal().getName();
    }
}
