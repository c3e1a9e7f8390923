package io.feedbackloop.categorize.rest;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.categorize.api.CategorizationView;
import io.feedbackloop.categorize.api.CorrectionRequest;
import io.feedbackloop.categorize.api.CorrectionView;
import io.feedbackloop.categorize.api.PreviewRequest;
import io.feedbackloop.categorize.mapping.CategorizationMapper;
import io.feedbackloop.categorize.service.CategorizationService;
import io.feedbackloop.categorize.service.CategorizerRegistry;
import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.Understanding;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Categorizations: analysts and admins read and correct them (feedback text and customer data are
 * in them, so nobody else reads them here); the preview stores nothing and reveals nothing stored,
 * so a lead trying a routing rule on a text may use it too.
 */
@Path("/api/v1")
@Tag(name = "Categorizations")
// the bearer scheme, declared once for the whole document; every resource names it as its requirement
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A signed access token of the loop's issuer (feedback-action /auth/token) or the company's OIDC provider")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CategorizationResource {

    private static final String CORRECTION_EXAMPLE = """
            {"type": "problem", "themes": ["delivery/late", "support/wait-time"], "correctedBy": "olga@ops.example",
             "note": "the customer is still waiting for the parcel"}""";

    @Inject
    CategorizationService service;

    @Inject
    CategorizerRegistry registry;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/categorizations/{feedbackId}")
    @Operation(summary = "Show how a feedback was categorized")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    @APIResponse(responseCode = "404", description = "Not categorized (yet)")
    public CategorizationView get(@PathParam("feedbackId") String feedbackId) {
        return CategorizationMapper.toView(service.find(RequestIds.parse("feedbackId", feedbackId)));
    }

    @GET
    @Path("/feedback/{feedbackId}/categorization")
    @Operation(summary = "Show how a feedback was categorized (same as /categorizations/{feedbackId})")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    public CategorizationView getOfFeedback(@PathParam("feedbackId") String feedbackId) {
        return get(feedbackId);
    }

    @PUT
    @Path("/feedback/{feedbackId}/categorization")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a categorization",
            description = "Sets the given labels; they stay as corrected (a replay never changes them), the correction "
                    + "is kept as history and as a training example, and feedback.recategorized.v1 announces it. "
                    + "Labels not given keep their value; priority, if not given, follows from the corrected labels.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "correction", value = CORRECTION_EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    @APIResponse(responseCode = "400", description = "Unknown label or theme")
    public CategorizationView correct(@PathParam("feedbackId") String feedbackId,
                                      @Valid @NotNull CorrectionRequest correction) {
        return CategorizationMapper.toView(service.correct(RequestIds.parse("feedbackId", feedbackId),
                CategorizationMapper.toCorrection(correction, author())));
    }

    @GET
    @Path("/feedback/{feedbackId}/categorization/corrections")
    @Operation(summary = "Every correction of a categorization, oldest first")
    public List<CorrectionView> corrections(@PathParam("feedbackId") String feedbackId) {
        return service.corrections(RequestIds.parse("feedbackId", feedbackId)).stream()
                .map(CategorizationMapper::toView).toList();
    }

    @POST
    @Path("/categorizations/preview")
    @RolesAllowed({Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Categorize a text without storing it",
            description = "Uses the knowledge and model in force: try a taxonomy edit before replaying history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "preview",
            value = "{\"text\": \"Курьер опоздал на два дня, больше не закажу\", \"scores\": [{\"metric\": \"nps\", \"value\": 3}]}")))
    public Understanding preview(@Valid @NotNull PreviewRequest request) {
        List<FeedbackText.Score> scores = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        List<PreviewRequest.Score> given = request.scores() == null ? List.of() : request.scores();
        for (int i = 0; i < given.size(); i++) {
            PreviewRequest.Score score = given.get(i);
            FeedbackText.Metric metric = FeedbackText.Metric.valueOf(score.metric().toUpperCase(java.util.Locale.ROOT));
            int min = metric == FeedbackText.Metric.NPS ? 0 : 1;
            int max = switch (metric) {
                case NPS -> 10;
                case CSAT -> 5;
                case CES -> 7;
            };
            if (score.value() < min || score.value() > max) {
                violations.add(new Problem.Violation("scores[" + i + "].value", "range",
                        "a " + score.metric() + " score is " + min + " to " + max));
            } else {
                scores.add(new FeedbackText.Score(metric, score.value(), min, max));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return registry.current().categorize(new FeedbackText(request.text(), request.language(), scores));
    }

    /** The signed-in person, recorded as the author whatever the body says. */
    private String author() {
        return identity.getPrincipal().getName();
    }
}
