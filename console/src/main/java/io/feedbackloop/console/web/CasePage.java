package io.feedbackloop.console.web;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.CaseViews.AuditEntry;
import io.feedbackloop.console.backend.views.CaseViews.CaseView;
import io.feedbackloop.console.backend.views.CaseViews.Member;
import io.feedbackloop.console.backend.views.LoopViews.Categorization;
import io.feedbackloop.console.backend.views.LoopViews.FollowUp;
import io.feedbackloop.console.backend.views.LoopViews.LoopStatus;
import io.feedbackloop.console.backend.views.LoopViews.Preview;
import io.feedbackloop.console.i18n.Msg;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One case: the customer's words, how they were understood, the loop so far, and what the person
 * can do next. Every change is sent with the version the person saw, so that two people working the
 * same case do not overwrite each other.
 */
@RolesAllowed({Person.AGENT, Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/cases/{id}")
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    static final List<String> RESOLUTION_CODES = List.of("fixed", "refunded", "replaced", "explained",
            "no-action-needed", "duplicate", "cannot-reproduce", "other");

    /** What the person typed, kept when the service refused it, and the preview they asked for. */
    public record Draft(String visibility, String text, Preview preview, List<String> errors) {
        static Draft none() {
            return new Draft("customer", "", null, List.of());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(CaseView c, Categorization categorization, Timeline timeline,
                                            List<AuditEntry> audit, List<Member> members, Draft draft,
                                            List<String> resolutionCodes);

        static native TemplateInstance preview(Preview preview);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance show(@PathParam("id") UUID id) {
        return render(id, Draft.none());
    }

    private TemplateInstance render(UUID id, Draft draft) {
        String bearer = visit.bearer();
        CompletableFuture<JsonNode> audit = backend.getAsync(bearer, Service.ACTION, "/api/v1/cases/" + id + "/audit", Query.of());
        CaseView c = backend.get(bearer, Service.ACTION, "/api/v1/cases/" + id, Query.of(), CaseView.class);
        String feedback = "/api/v1/feedback/" + c.feedbackId();
        CompletableFuture<JsonNode> categorization = backend.getAsync(bearer, Service.CATEGORIZE, feedback + "/categorization", Query.of());
        CompletableFuture<JsonNode> loop = backend.getAsync(bearer, Service.INGEST, feedback + "/loop", Query.of());
        CompletableFuture<JsonNode> messages = backend.getAsync(bearer, Service.NOTIFIER, "/api/v1/followups",
                Query.of().with("feedbackId", c.feedbackId()));
        CompletableFuture<JsonNode> members = c.ownerTeam() == null ? CompletableFuture.completedFuture(null)
                : backend.getAsync(bearer, Service.ACTION, "/api/v1/teams/" + c.ownerTeam() + "/members", Query.of());
        Timeline timeline = Timeline.of(optional(loop, LoopStatus.class), c.comments(),
                optionalList(messages, FollowUp[].class));
        return Pages.page(Templates.show(c, optional(categorization, Categorization.class), timeline,
                optionalList(audit, AuditEntry[].class), optionalList(members, Member[].class), draft,
                RESOLUTION_CODES), visit);
    }

    /**
     * A part of the page another service holds: shown when it answers, left out when this person may
     * not read it or it is not there yet. An outage still fails the page (503), as it should.
     */
    private <T> T optional(CompletableFuture<JsonNode> pending, Class<T> type) {
        try {
            JsonNode node = Backend.await(pending);
            return node == null || node.isMissingNode() ? null : backend.convert(node, type);
        } catch (BackendException e) {
            if (e.status() == 403 || e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private <T> List<T> optionalList(CompletableFuture<JsonNode> pending, Class<T[]> type) {
        T[] items = optional(pending, type);
        return items == null ? List.of() : Arrays.asList(items);
    }

    // ---- actions ----

    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("version") String version,
                           @FormParam("assignee") String assignee) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assignee", assignee == null || assignee.isBlank() ? null : assignee.trim());
        return change(id, "PUT", "/assignee", body, version, Msgs.of(visit).done_assigned());
    }

    @POST
    @Path("comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object comment(@PathParam("id") UUID id, @FormParam("csrf") String csrf,
                          @FormParam("visibility") String visibility, @FormParam("text") String text) {
        visit.verifyCsrf(csrf);
        Msg msg = Msgs.of(visit);
        String kind = "internal".equals(visibility) ? "internal" : "customer";
        try {
            backend.send(visit.bearer(), "POST", Service.ACTION, "/api/v1/cases/" + id + "/comments",
                    Map.of("visibility", kind, "text", text == null ? "" : text), null);
            visit.tell(kind.equals("customer") ? msg.done_replied() : msg.done_noted());
            return back(id);
        } catch (BackendException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            // the person's text stays in the form, with what was wrong
            return Response.status(e.status()).entity(render(id, new Draft(kind, text, null, reasons(e, msg))).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /** The reply as the customer would receive it, in their language (a fragment with htmx, the page without). */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("id") UUID id, @FormParam("csrf") String csrf,
                                    @FormParam("feedbackId") UUID feedbackId, @FormParam("text") String text,
                                    @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedbackId", feedbackId);
        body.put("caseId", id);
        body.put("kind", "case-reply");
        body.put("text", text == null ? "" : text);
        Preview preview = backend.convert(backend.send(visit.bearer(), "POST", Service.NOTIFIER,
                "/api/v1/followups/preview", body, null), Preview.class);
        if (htmx != null) {
            return Pages.page(Templates.preview(preview), visit);
        }
        return render(id, new Draft("customer", text, preview, List.of()));
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("version") String version,
                           @FormParam("status") String status) {
        visit.verifyCsrf(csrf);
        return change(id, "PUT", "/status", Map.of("status", status == null ? "" : status), version,
                Msgs.of(visit).done_status());
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("version") String version,
                          @FormParam("resolutionCode") String code, @FormParam("rootCause") String rootCause,
                          @FormParam("resolutionText") String resolutionText) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolutionCode", code);
        body.put("rootCause", rootCause);
        body.put("resolutionText", resolutionText == null || resolutionText.isBlank() ? null : resolutionText);
        return change(id, "POST", "/close", body, version, Msgs.of(visit).done_closed());
    }

    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("version") String version,
                           @FormParam("reason") String reason) {
        visit.verifyCsrf(csrf);
        return change(id, "POST", "/reopen", Map.of("reason", reason == null ? "" : reason), version,
                Msgs.of(visit).done_reopened());
    }

    /** Corrects what the categorizer understood; the correction also teaches the next model. */
    @POST
    @Path("categorization")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") UUID id, @FormParam("csrf") String csrf,
                            @FormParam("feedbackId") UUID feedbackId, @FormParam("sentiment") String sentiment,
                            @FormParam("type") String type, @FormParam("themes") String themes,
                            @FormParam("urgency") List<String> urgency, @FormParam("note") String note) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sentiment", InboxPage.blankToNull(sentiment));
        body.put("type", InboxPage.blankToNull(type));
        if (themes != null && !themes.isBlank()) {
            body.put("themes", Pages.split(List.of(themes)));
        }
        body.put("urgency", Pages.split(urgency));
        body.put("note", InboxPage.blankToNull(note));
        try {
            backend.send(visit.bearer(), "PUT", Service.CATEGORIZE, "/api/v1/feedback/" + feedbackId + "/categorization",
                    body, null);
            visit.tell(Msgs.of(visit).done_corrected());
        } catch (BackendException e) {
            refused(e);
        }
        return back(id);
    }

    private Response change(UUID id, String method, String path, Object body, String version, String done) {
        try {
            backend.send(visit.bearer(), method, Service.ACTION, "/api/v1/cases/" + id + path, body, version);
            visit.tell(done);
        } catch (BackendException e) {
            refused(e);
        }
        return back(id);
    }

    /** A refusal the person can act on is shown on the case; anything else is the error page's job. */
    private void refused(BackendException e) {
        if (!Forms.actionable(e)) {
            throw e;
        }
        visit.warn(String.join("; ", reasons(e, Msgs.of(visit))));
    }

    /** A case's conflict (409) is a change made meanwhile (a stale version, or closed by someone else). */
    private static List<String> reasons(BackendException e, Msg msg) {
        return e.status() == 409 ? List.of(msg.changed_meanwhile()) : Forms.reasons(e, msg);
    }

    private static Response back(UUID id) {
        return Response.seeOther(URI.create("/cases/" + id)).build();
    }
}
