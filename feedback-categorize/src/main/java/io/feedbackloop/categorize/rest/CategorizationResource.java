package io.feedbackloop.categorize.rest;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.categorize.api.CategorizationSearchViews;
import io.feedbackloop.categorize.api.CategorizationView;
import io.feedbackloop.categorize.api.CorrectionRequest;
import io.feedbackloop.categorize.api.CorrectionView;
import io.feedbackloop.categorize.api.PreviewRequest;
import io.feedbackloop.categorize.mapping.CategorizationMapper;
import io.feedbackloop.categorize.mapping.CategorizationSearchMapper;
import io.feedbackloop.categorize.service.CategorizationSearch;
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
import jakarta.ws.rs.BeanParam;
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
 * Categorizations: analysts and admins read and correct them and follow their corrections. The
 * person working a case (agent, lead) reads and corrects the categorization of its feedback by the
 * feedback's id, {@code /feedback/{feedbackId}/categorization}: they see the sentiment's confidence
 * and the matched words, and are the first to see a wrong label (the author of a correction is the
 * signed-in person). The preview stores nothing and reveals nothing stored, so a lead trying a
 * routing rule on a text may use it too. Searching all of them is for analysts, leads and admins
 * (across teams and channels), not for agents, who work cases rather than the whole base.
 *
 * <p>The search lives here rather than in a class of its own at {@code /api/v1/categorizations}:
 * Quarkus REST routes a request to the one resource class whose path matches best, so such a class
 * would hide {@code /categorizations/{feedbackId}} and {@code /categorizations/preview} (404).
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

    private static final String PAGE_EXAMPLE = """
            {"items": [{"feedbackId": "0b9e6a52-8c1e-4a61-9d4a-3f3c1b7f2a10", "respondedAt": "2026-11-23T09:00:00Z",
              "channel": "web", "touchpoint": "delivery", "language": "ru",
              "text": "Курьер опоздал на два дня, доставку никто не отслеживает",
              "sentiment": {"label": "negative", "confidence": 0.91}, "type": "complaint",
              "themes": ["delivery/late", "delivery/tracking"], "npsScore": 3, "npsClass": "detractor",
              "urgency": []}],
             "next": null}""";

    private static final String CORRECTION_EXAMPLE = """
            {"type": "problem", "themes": ["delivery/late", "support/wait-time"], "correctedBy": "olga@ops.example",
             "note": "the customer is still waiting for the parcel"}""";

    @Inject
    CategorizationService service;

    @Inject
    CategorizerRegistry registry;

    @Inject
    CategorizationSearch search;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/categorizations")
    @RolesAllowed({Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Search the categorized feedback",
            description = "Newest first (answer time, then feedback id), one page at a time: pass next back as "
                    + "cursor, with the same filters, until it is null. Every filter is optional and narrows the "
                    + "result; each bad value is named in one 400 problem.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CategorizationSearchViews.Page.class),
            examples = @ExampleObject(name = "late deliveries in Russian", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in violations")
    public CategorizationSearchViews.Page search(@BeanParam CategorizationSearchParameters parameters) {
        CategorizationSearchParameters.Query query = parameters.toQuery();
        return CategorizationSearchMapper.toView(search.search(query.filter(), query.after(), query.limit()));
    }

    @GET
    @Path("/categorizations/{feedbackId}")
    @Operation(summary = "Show how a feedback was categorized")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    @APIResponse(responseCode = "404", description = "Not categorized (yet)")
    public CategorizationView get(@PathParam("feedbackId") String feedbackId) {
        return view(feedbackId);
    }

    @GET
    @Path("/feedback/{feedbackId}/categorization")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Show how a feedback was categorized (same as /categorizations/{feedbackId})",
            description = "Also for the agent or lead working the feedback's case: the labels with their confidence "
                    + "and the words that matched.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategorizationView.class)))
    public CategorizationView getOfFeedback(@PathParam("feedbackId") String feedbackId) {
        // not through get(): its roles are the class's, narrower than these
        return view(feedbackId);
    }

    @PUT
    @Path("/feedback/{feedbackId}/categorization")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a categorization",
            description = "Sets the given labels; they stay as corrected (a replay never changes them), the correction "
                    + "is kept as history and as a training example, and feedback.recategorized.v1 announces it. "
                    + "Labels not given keep their value; priority, if not given, follows from the corrected labels. "
                    + "The agent or lead working the case may correct it too; the author is the signed-in person.")
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

    private CategorizationView view(String feedbackId) {
        return CategorizationMapper.toView(service.find(RequestIds.parse("feedbackId", feedbackId)));
    }

    /** The signed-in person, recorded as the author whatever the body says. */
    private String author() {
        return identity.getPrincipal().getName();
    }
}
