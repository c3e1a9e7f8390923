package io.feedbackloop.action.metrics.rest;

import io.feedbackloop.action.metrics.LoopMetrics;
import io.feedbackloop.action.metrics.api.LoopMetricsView;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/loop-metrics")
@Tag(name = "Loop metrics")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
// the injected Caller is the one of this request
@RequestScoped
public class LoopMetricsResource {

    @Inject
    Caller caller;

    @Inject
    LoopMetrics metrics;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Closed-loop rate, median times to first response and to close, SLA-met percentages",
            description = """
                    Over the cases opened in [from, to) (a cohort: each figure describes those cases as they are \
                    now), of one team and/or theme (a group theme matches its leaves). Closed-loop rate: the \
                    share of those cases closed with a resolution text, the words the customer is told (cases \
                    closed as duplicates left out: their customer hears back through the other case). Median \
                    times in seconds (first response: over answered cases; close: over closed cases). SLA met: \
                    among deadlines decided (met or missed: the response or closing happened, or the deadline \
                    passed without it), the share met; cases still within their deadline count neither way. \
                    Percentages have one decimal; a figure without data is null, not 0. Agents see their own \
                    team's cases only.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoopMetricsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid period, theme or grouping")
    @APIResponse(responseCode = "403", description = "An agent asked for another team")
    public LoopMetricsView get(@Parameter(description = "ISO instant or date (UTC); default: 30 days before to")
                               @QueryParam("from") String from,
                               @Parameter(description = "exclusive; ISO instant or date (UTC); default: now")
                               @QueryParam("to") String to,
                               @QueryParam("team") String team,
                               @Parameter(description = "taxonomy path; a group matches its leaves")
                               @QueryParam("theme") String theme,
                               @Parameter(schema = @Schema(type = SchemaType.STRING,
                                       enumeration = {"team", "theme", "week", "month"}))
                               @QueryParam("groupBy") String groupBy) {
        return LoopMetricsMapper.view(metrics.metrics(caller, from, to, team,
                theme, groupBy));
    }
}
