package io.feedbackloop.categorize.metrics.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.feedbackloop.categorize.metrics.MetricsService;
import io.feedbackloop.categorize.metrics.MetricsSlice;
import io.feedbackloop.categorize.metrics.MetricsSlice.Bucket;
import io.feedbackloop.categorize.metrics.MetricsSlice.Choice;
import io.feedbackloop.categorize.metrics.MetricsSlice.Dimension;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeLevel;
import io.feedbackloop.categorize.metrics.MetricsSlice.ThemeOrder;
import io.feedbackloop.categorize.metrics.api.MetricsViews;
import io.feedbackloop.categorize.metrics.mapping.MetricsMapper;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * NPS, CSAT and CES for ops and CX dashboards, over any slice of the categorized feedback. Every
 * endpoint takes the same slice filters; a bad parameter is a 400 problem naming it. Analysts,
 * admins and team leads read them (they span every team and channel: counts and scores, never a
 * feedback's words).
 */
@Path("/api/v1/metrics")
@Tag(name = "Metrics", description = "NPS, CSAT and CES with 95 % confidence intervals, by slice, dimension, time and theme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in violations")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
public class MetricsResource {

    private static final String SUMMARY_EXAMPLE = """
            {"slice":{"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z","tz":"UTC","channel":"web"},
             "metrics":{"responses":120,
              "nps":{"responses":100,"promoters":50,"passives":30,"detractors":20,"score":30.0,"ci95":{"low":14.1,"high":44.2}},
              "csat":{"responses":100,"topBox":40,"topTwoBox":70,"topBoxPercent":40.0,"topTwoBoxPercent":70.0,"ci95":{"low":60.4,"high":78.1}},
              "ces":[{"scaleMin":1,"scaleMax":5,"responses":50,"mean":3.4,"ci95":{"low":3.11,"high":3.69},"agree":25,
                      "agreePercent":50.0,"agreeCi95":{"low":36.6,"high":63.4}}]}}""";

    @Inject
    MetricsService service;

    @GET
    @Operation(summary = "NPS, CSAT and CES of a slice",
            description = "responses counts every feedback in the slice; NPS only from NPS answers, CSAT from CSAT "
                    + "answers, CES per scale present. A feedback with several scores counts in each of its metrics.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetricsViews.Summary.class),
            examples = @ExampleObject(name = "web in November", value = SUMMARY_EXAMPLE)))
    public MetricsViews.Summary summary(@BeanParam SliceParameters slice) {
        List<Problem.Violation> violations = new ArrayList<>();
        MetricsSlice parsed = slice.toSlice(violations);
        check(violations);
        return MetricsMapper.toSummary(parsed, service.summary(parsed));
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "The metrics per value of a dimension",
            description = "One group per value of by; feedback without a value are the group with value null "
                    + "(label \"(none)\"). by=theme: each theme path; by=themeGroup: the part before '/', a "
                    + "feedback counting once per group.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetricsViews.Breakdown.class)))
    public MetricsViews.Breakdown breakdown(@BeanParam SliceParameters slice,
            @QueryParam("by") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"channel", "touchpoint", "journeyStage", "segment", "theme", "themeGroup"}))
            String by) {
        List<Problem.Violation> violations = new ArrayList<>();
        MetricsSlice parsed = slice.toSlice(violations);
        Dimension dimension = choose("by", by, Dimension.values(), null, violations);
        check(violations);
        return MetricsMapper.toBreakdown(parsed, dimension, service.breakdown(parsed, dimension));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "The metrics per day, ISO week or month",
            description = "Buckets in tz (weeks start on Monday), oldest first, every bucket present from the first "
                    + "to the last (empty ones with responses 0) so that a chart shows the gaps. The range runs from "
                    + "the bucket of from (else of the first response) to the bucket of to (else of the last). More "
                    + "than " + MetricsService.MAX_BUCKETS + " buckets is a 400. With by, one series per value of "
                    + "the dimension (at most " + MetricsService.MAX_TREND_POINTS + " points in all).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetricsViews.Trend.class)))
    public MetricsViews.Trend trend(@BeanParam SliceParameters slice,
            @QueryParam("bucket") @Parameter(description = "default day", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"day", "week", "month"})) String bucket,
            @QueryParam("by") @Parameter(description = "optional: one series per value", schema = @Schema(
                    type = SchemaType.STRING,
                    enumeration = {"channel", "touchpoint", "journeyStage", "segment", "theme", "themeGroup"}))
            String by) {
        List<Problem.Violation> violations = new ArrayList<>();
        MetricsSlice parsed = slice.toSlice(violations);
        Bucket chosen = choose("bucket", bucket, Bucket.values(), Bucket.DAY, violations);
        Dimension dimension = by == null || by.isBlank() ? null
                : choose("by", by, Dimension.values(), null, violations);
        check(violations);
        return MetricsMapper.toTrend(parsed, chosen, dimension, service.trend(parsed, chosen, dimension));
    }

    @GET
    @Path("/themes")
    @Operation(summary = "The top themes of a slice",
            description = "Per theme: feedback count, share of the slice, NPS among feedback with the theme, and "
                    + "npsImpact = 100 × detractors with the theme / NPS answers in the slice, i.e. the NPS points "
                    + "the theme's detractors cost the slice (the NPS would be that much higher had they been "
                    + "passives). level=group folds theme paths into their group (delivery/late into delivery).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetricsViews.TopThemes.class)))
    public MetricsViews.TopThemes themes(@BeanParam SliceParameters slice,
            @QueryParam("order") @Parameter(description = "default volume", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"volume", "npsImpact"})) String order,
            @QueryParam("level") @Parameter(description = "default leaf", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"leaf", "group"})) String level,
            @QueryParam("limit") @Parameter(description = "1..100, default 10", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) String limit) {
        List<Problem.Violation> violations = new ArrayList<>();
        MetricsSlice parsed = slice.toSlice(violations);
        ThemeOrder chosenOrder = choose("order", order, ThemeOrder.values(), ThemeOrder.VOLUME, violations);
        ThemeLevel chosenLevel = choose("level", level, ThemeLevel.values(), ThemeLevel.LEAF, violations);
        int top = limit(limit, violations);
        check(violations);
        return MetricsMapper.toTopThemes(parsed, chosenLevel, chosenOrder,
                service.topThemes(parsed, chosenLevel, chosenOrder, top));
    }

    /**
     * The one of {@code choices} a parameter names, {@code fallback} when it is absent, or null
     * (with a violation) when it names none of them.
     */
    private static <E extends Enum<E> & Choice> E choose(String name, String value, E[] choices, E fallback,
                                                         List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                violations.add(new Problem.Violation(name, "required", "must be one of " + spellings(choices)));
            }
            return fallback;
        }
        for (E choice : choices) {
            if (choice.param().equals(value.strip())) {
                return choice;
            }
        }
        violations.add(new Problem.Violation(name, "enum", "must be one of " + spellings(choices)));
        return null;
    }

    private static String spellings(Choice[] choices) {
        return Arrays.stream(choices).map(Choice::param).collect(Collectors.joining(", ", "[", "]"));
    }

    private static int limit(String limit, List<Problem.Violation> violations) {
        if (limit == null || limit.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation("limit", "range", "must be a whole number from 1 to 100"));
        return 0;
    }

    private static void check(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }
}
