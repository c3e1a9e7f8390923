package io.feedbackloop.categorize.rest;

import io.feedbackloop.categorize.api.ModelView;
import io.feedbackloop.categorize.mapping.ModelMapper;
import io.feedbackloop.categorize.service.CategorizerRegistry;
import io.feedbackloop.categorize.service.ModelTrainingService;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model learned from corrections. Analysts read how it did; only an admin retrains, since a new
 * model changes the categorization of every new feedback at once and cannot be withdrawn.
 */
@Path("/api/v1/model")
@Tag(name = "Learning from corrections")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelTrainingService training;

    @Inject
    CategorizerRegistry registry;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The model in force and how it did when trained")
    public ModelView current() {
        return ModelMapper.toView(training.current());
    }

    @POST
    @Path("/training")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retrain on every corrected feedback",
            description = "Reports sentiment and type accuracy and theme precision/recall/F1 against the corrections, "
                    + "without the model (before) and with it (after), by 5-fold cross-validation. The new model is in "
                    + "force for new feedback at once; replay history with a recategorization.")
    @APIResponse(responseCode = "201", description = "The new model")
    @APIResponse(responseCode = "422", description = "Fewer than 10 corrected feedback")
    public Response train() {
        ModelView model = ModelMapper.toView(training.train());
        registry.refresh();
        return Response.status(Response.Status.CREATED).entity(model).build();
    }
}
