package io.feedbackloop.ingest.rest;

import java.net.URI;
import java.util.List;

import io.feedbackloop.ingest.api.SurveyDefinition;
import io.feedbackloop.ingest.api.SurveyStats;
import io.feedbackloop.ingest.api.SurveyView;
import io.feedbackloop.ingest.mapping.SurveyMapper;
import io.feedbackloop.ingest.service.SurveyService;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The surveys customers are invited to, and how well each is answered: administrators define them,
 * analysts (who read metrics) and administrators read them.
 */
@Path("/api/v1/surveys")
@Tag(name = "Surveys (admin)", description = "Define surveys and see their response rates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SurveyResource {

    @Inject
    SurveyService surveys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a survey", description = "A survey id is for good: the same id again is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "NPS by email after checkout", value = """
            {"id":"post-purchase-nps","name":"NPS after a purchase","metric":"nps","channel":"email",
             "touchpoints":["checkout"],"contactFrequencyDays":60}""")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition; nothing was stored")
    @APIResponse(responseCode = "409", description = "A survey with this id exists")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid SurveyDefinition definition) {
        SurveyView survey = SurveyMapper.toView(surveys.create(SurveyMapper.toNewSurvey(definition)));
        return Response.created(URI.create("/api/v1/surveys/" + survey.id())).entity(survey).build();
    }

    @GET
    @Operation(summary = "List the surveys, oldest first")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public List<SurveyView> list() {
        return surveys.list().stream().map(SurveyMapper::toView).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Show a survey")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "Unknown survey")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public SurveyView get(@PathParam("id") String id) {
        return SurveyMapper.toView(surveys.find(id));
    }

    @GET
    @Path("/{id}/stats")
    @Operation(summary = "How well a survey is answered",
            description = "responseRate = answered / invited; reminders are counted apart, and an answer to a "
                    + "reminder counts for the invitation it reminds of.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyStats.class)))
    @APIResponse(responseCode = "404", description = "Unknown survey")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public SurveyStats stats(@PathParam("id") String id) {
        return SurveyMapper.toStats(surveys.stats(id));
    }
}
