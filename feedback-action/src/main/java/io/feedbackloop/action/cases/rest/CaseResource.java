package io.feedbackloop.action.cases.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.action.cases.CaseCommands;
import io.feedbackloop.action.cases.CaseFile;
import io.feedbackloop.action.cases.CaseFilter;
import io.feedbackloop.action.cases.CaseQueries;
import io.feedbackloop.action.cases.CaseSort;
import io.feedbackloop.action.cases.api.AssigneeChange;
import io.feedbackloop.action.cases.api.AuditEntryView;
import io.feedbackloop.action.cases.api.CaseClosing;
import io.feedbackloop.action.cases.api.CasePage;
import io.feedbackloop.action.cases.api.CaseReopening;
import io.feedbackloop.action.cases.api.CaseView;
import io.feedbackloop.action.cases.api.NewComment;
import io.feedbackloop.action.cases.api.StatusChange;
import io.feedbackloop.action.rest.RequestForms;
import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The case API for ops. Every call needs {@code Authorization: Bearer <access token>}: agents and
 * leads see and work their own teams' cases, analysts read every case, administrators do everything.
 * Support channels have no access here. Changes answer with the case as it now is; send its
 * {@code version} (also the {@code ETag}) back as {@code If-Match} to refuse to change a case someone
 * else changed since you read it.
 */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Work the cases: list, read, assign, comment, reply, close, reopen, audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "an access token of the loop's issuer (POST /auth/token) or of the company's own OIDC provider")
@SecurityRequirement(name = "bearer")
// the injected Caller is the one of this request
@RequestScoped
public class CaseResource {

    private static final Set<String> STATUSES = Set.of("open", "in_progress", "waiting_customer", "closed");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "critical");
    /** The channels feedback comes through (feedback.received.v1, feedback-ingest's closed set). */
    private static final Set<String> CHANNELS = Set.of("email", "web", "in-app", "phone", "sms", "chat", "in-person",
            "social", "review-site", "support-ticket");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    @Inject
    Caller caller;

    @Inject
    CaseQueries queries;

    @Inject
    CaseCommands commands;

    @Inject
    RequestForms forms;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List cases: the most urgent deadline first, the newest, or the highest priority",
            description = "`sort=due` (default): the earliest deadline still to be met (first response, then "
                    + "resolution) first, closed cases last; `sort=opened`: the newest opened first; `sort=priority`: "
                    + "critical, high, normal, low, each by deadline as `due`. Ties by case id. Agents and leads see "
                    + "their own teams' cases only. Follow `next` (as `cursor`, with the same `sort`) for the next page; "
                    + "a cursor of another sort is a 400 naming `cursor`. `status`, `priority` and `channel` take "
                    + "several values (repeated or comma-separated).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, priority, channel or sort, a bad limit, id, "
            + "or a cursor this API did not write for this sort; each wrong parameter is named")
    public CasePage list(@Parameter(description = "owner team id") @QueryParam("team") String team,
                         @Parameter(description = "open, in_progress, waiting_customer, closed")
                         @QueryParam("status") List<String> status,
                         @Parameter(description = "low, normal, high, critical") @QueryParam("priority") List<String> priority,
                         @Parameter(description = "the channel the feedback came through: email, web, in-app, phone, sms, "
                                 + "chat, in-person, social, review-site, support-ticket")
                         @QueryParam("channel") List<String> channel,
                         @Parameter(description = "a taxonomy path; a group (delivery) matches its leaves (delivery/late)")
                         @QueryParam("theme") String theme,
                         @Parameter(description = "a member's email, `me`, or `none` for unassigned cases")
                         @QueryParam("assignee") String assignee,
                         @Parameter(description = "true: a deadline still to be met has passed; false: none has")
                         @QueryParam("overdue") String overdue,
                         @QueryParam("feedbackId") String feedbackId,
                         @Parameter(description = "due (default), opened or priority",
                                 schema = @Schema(enumeration = {"due", "opened", "priority"}, defaultValue = "due"))
                         @QueryParam("sort") String sort,
                         @Parameter(description = "`next` of the page before, listed with the same sort")
                         @QueryParam("cursor") String cursor,
                         @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<String> statuses = values("status", status, STATUSES, violations);
        List<String> priorities = values("priority", priority, PRIORITIES, violations);
        List<String> channels = values("channel", channel, CHANNELS, violations);
        CaseSort order = CaseSort.DUE;
        if (blankToNull(sort) != null) {
            order = CaseSort.of(sort.trim());
            if (order == null) {
                violations.add(new Problem.Violation("sort", "enum", "must be one of " + CaseSort.labels()));
            }
        }
        Boolean overdueOnly = null;
        if (overdue != null) {
            if (overdue.equals("true") || overdue.equals("false")) {
                overdueOnly = Boolean.valueOf(overdue);
            } else {
                violations.add(new Problem.Violation("overdue", "boolean", "must be true or false"));
            }
        }
        int pageSize = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                pageSize = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_LIMIT) {
                violations.add(new Problem.Violation("limit", "Range", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        UUID feedback = null;
        if (feedbackId != null) {
            try {
                feedback = UUID.fromString(feedbackId);
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("feedbackId", "uuid", "must be a UUID"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        String who = "me".equals(assignee) ? caller.name() : blankToNull(assignee);
        CaseFilter filter = new CaseFilter(blankToNull(team), statuses, priorities, channels, blankToNull(theme), who,
                overdueOnly, feedback);
        return CaseMapper.toPage(queries.list(caller, filter, order, blankToNull(cursor), pageSize));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Show a case: the feedback, owner, deadlines with the time left, comments, resolution")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown case, or another team's case for an agent")
    public RestResponse<CaseView> get(@PathParam("id") String id) {
        return tagged(queries.find(caller, RequestIds.parse("id", id)));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/audit")
    @Operation(summary = "Every change of a case, oldest first: who, when, what")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditEntryView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Unknown case, or another team's case for an agent")
    public List<AuditEntryView> audit(@PathParam("id") String id) {
        return queries.audit(caller, RequestIds.parse("id", id)).stream().map(CaseMapper::toView).toList();
    }

    @PUT
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the case to an active member of its owner team, or unassign it (null)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Not an active member of the owner team")
    @APIResponse(responseCode = "409", description = "The case is closed, or was changed concurrently")
    public RestResponse<CaseView> assign(@PathParam("id") String id, AssigneeChange change,
                                         @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = RequestIds.parse("id", id);
        valid(change, List.of());
        return tagged(commands.assign(caller, caseId, version(ifMatch), change.assignee()));
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an internal note, or reply to the customer",
            description = "A reply (visibility customer) is published on action.updated.v1 for the notifier to send "
                    + "and is the first response if there was none. An internal note never leaves this service.")
    @APIResponse(responseCode = "201", description = "The case with the new comment",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid visibility or text")
    public RestResponse<CaseView> comment(@PathParam("id") String id, NewComment comment,
                                          @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = RequestIds.parse("id", id);
        valid(comment, List.of());
        CaseView view = CaseMapper.toView(commands.comment(caller, caseId, version(ifMatch), comment.visibility(),
                comment.text()));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, view)
                .tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @PUT
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an open case along: open, in_progress, waiting_customer")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed (reopen it first), or was changed concurrently")
    public RestResponse<CaseView> status(@PathParam("id") String id, StatusChange change,
                                         @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = RequestIds.parse("id", id);
        valid(change, List.of());
        return tagged(commands.changeStatus(caller, caseId, version(ifMatch), change.status()));
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the case with its resolution",
            description = "Publishes action.resolved.v1 with the customer-facing resolution text.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Unknown resolution code, missing root cause or resolution text")
    @APIResponse(responseCode = "409", description = "Already closed, or changed concurrently")
    public RestResponse<CaseView> close(@PathParam("id") String id, CaseClosing closing,
                                        @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = RequestIds.parse("id", id);
        valid(closing, closing == null ? List.of() : closing.crossFieldViolations());
        return tagged(commands.close(caller, caseId, version(ifMatch), closing.resolutionCode(), closing.rootCause(),
                closing.resolutionText()));
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a closed case",
            description = "Back to open with a fresh resolution deadline as long as the original one, counted from now.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is not closed, or was changed concurrently")
    public RestResponse<CaseView> reopen(@PathParam("id") String id, CaseReopening reopening,
                                         @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = RequestIds.parse("id", id);
        valid(reopening, List.of());
        return tagged(commands.reopen(caller, caseId, version(ifMatch), reopening.reason()));
    }

    /** The body's own constraints and {@code more} (on fields those leave valid), refused at once. */
    private void valid(Object body, List<Problem.Violation> more) {
        List<Problem.Violation> violations = forms.violations(body);
        for (Problem.Violation extra : more) {
            if (violations.stream().noneMatch(v -> v.field().equals(extra.field()))) {
                violations.add(extra);
            }
        }
        Refusals.refuseIfAny(violations);
    }

    /** {@code If-Match: "7"} (or {@code W/"7"}, {@code 7}); absent or {@code *}: any version. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("If-Match", "etag",
                    "must be the case's ETag (its version), such as \"3\""))));
        }
    }

    private static RestResponse<CaseView> tagged(CaseFile file) {
        CaseView view = CaseMapper.toView(file);
        return RestResponse.ResponseBuilder.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    private static List<String> values(String field, List<String> raw, Set<String> allowed,
                                       List<Problem.Violation> violations) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> values = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).distinct().toList();
        List<String> unknown = values.stream().filter(v -> !allowed.contains(v)).toList();
        if (!unknown.isEmpty()) {
            violations.add(new Problem.Violation(field, "enum", "unknown " + unknown + "; must be among "
                    + allowed.stream().sorted().toList()));
        }
        return values.isEmpty() ? null : values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
