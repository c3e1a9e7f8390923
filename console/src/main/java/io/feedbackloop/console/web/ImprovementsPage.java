package io.feedbackloop.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.CaseViews.Team;
import io.feedbackloop.console.backend.views.ImprovementViews.Improvement;
import io.feedbackloop.console.backend.views.ImprovementViews.LinkResult;
import io.feedbackloop.console.backend.views.MetricViews.Summary;
import io.feedbackloop.console.backend.views.SettingsViews.TemplatePreview;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "You said, we did" (feedback-action's improvement actions): a team tells the customers whose
 * feedback led to a change what it did. A lead composes the action, links the feedback it answers
 * (counted first, so that nobody links ten thousand customers by a typo in the period), checks the
 * message in each language, publishes it to a first batch and releases it to the rest.
 */
@RolesAllowed({Person.LEAD, Person.ADMIN})
@Path("/improvements")
@Produces(MediaType.TEXT_HTML)
public class ImprovementsPage {

    static final int DEFAULT_FIRST_BATCH = 20;

    /** A new action as its form holds it; kept with what was wrong when the service refuses it. */
    public static class Draft {
        @FormParam("teamId")
        public String teamId;
        @FormParam("theme")
        public String theme;
        @FormParam("title")
        public String title;
        @FormParam("messageEn")
        public String messageEn;
        @FormParam("messageRu")
        public String messageRu;
        @FormParam("firstBatchSize")
        public String firstBatchSize;
        public List<String> errors = List.of();

        static Draft blank() {
            Draft draft = new Draft();
            draft.firstBatchSize = String.valueOf(DEFAULT_FIRST_BATCH);
            return draft;
        }

        Map<String, Object> body() {
            Map<String, String> message = new LinkedHashMap<>();
            if (InboxPage.blankToNull(messageEn) != null) {
                message.put("en", messageEn.strip());
            }
            if (InboxPage.blankToNull(messageRu) != null) {
                message.put("ru", messageRu.strip());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("teamId", teamId == null ? "" : teamId);
            body.put("theme", InboxPage.blankToNull(theme));
            body.put("title", title == null ? "" : title.strip());
            body.put("message", message);
            body.put("firstBatchSize", Forms.number(firstBatchSize));
            return body;
        }
    }

    /**
     * Feedback to link by theme and period (days in the person's time zone, {@code to} inclusive),
     * and how many there are: {@code responses} once counted, {@code countDenied} when the person's
     * role may not read feedback-categorize's metrics (the link itself is still theirs to make).
     */
    public record LinkDraft(String theme, String from, String to, boolean counted, Long responses,
                            boolean countDenied) {
    }

    /** The message in one language, and as the notifier would send it when the person may preview that. */
    public record MessagePreview(String language, String text, TemplatePreview rendered) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance improvements(List<Improvement> actions, List<Team> teams,
                                                    List<Team> composable, String team, String status, Draft draft);

        static native TemplateInstance improvement(Improvement a, LinkDraft link, List<MessagePreview> previews);

        static native TemplateInstance improvement$progress(Improvement a);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance list(@QueryParam("team") String team, @QueryParam("status") String status) {
        return render(InboxPage.blankToNull(team), InboxPage.blankToNull(status), Draft.blank());
    }

    private TemplateInstance render(String team, String status, Draft draft) {
        String bearer = visit.bearer();
        CompletableFuture<JsonNode> teams = backend.getAsync(bearer, Service.ACTION, "/api/v1/teams", Query.of());
        List<Improvement> actions = Forms.list(backend, backend.get(bearer, Service.ACTION,
                "/api/v1/improvement-actions", Query.of().with("team", team).with("status", status)),
                Improvement[].class);
        List<Team> teamList = Forms.list(backend, Backend.await(teams), Team[].class);
        // an action is composed for a team the person leads (any team for an administrator)
        List<Team> composable = teamList.stream().filter(t -> SettingsRights.managesTeam(visit.person(), t.id()))
                .toList();
        return Pages.page(Templates.improvements(actions, teamList, composable, team, status, draft), visit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@FormParam("csrf") String csrf, @BeanParam Draft draft) {
        visit.verifyCsrf(csrf);
        try {
            Improvement created = backend.convert(backend.send(visit.bearer(), "POST", Service.ACTION,
                    "/api/v1/improvement-actions", draft.body(), null), Improvement.class);
            visit.tell(Msgs.of(visit).done_improvement_created());
            return back(created.id());
        } catch (BackendException e) {
            if (!Forms.actionable(e)) {
                throw e;
            }
            // what the person wrote stays in the form, with what was wrong
            draft.errors = Forms.reasons(e, Msgs.of(visit));
            return Response.status(e.status()).entity(render(null, null, draft).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /**
     * One action. With {@code count}, the feedback on {@code theme} in the period is counted first
     * (feedback-categorize's metrics: every feedback of the slice) and the link form appears.
     */
    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("theme") String theme,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("count") String count) {
        String bearer = visit.bearer();
        Improvement action = find(bearer, id);
        String linkTheme = theme != null ? theme.trim() : action.theme();
        LinkDraft link = new LinkDraft(linkTheme, from, to, false, null, false);
        if (count != null) {
            link = count(bearer, linkTheme, from, to);
        }
        return Pages.page(Templates.improvement(action, link, previews(bearer, action)), visit);
    }

    private LinkDraft count(String bearer, String theme, String from, String to) {
        Query slice = Query.of().with("theme", theme).with("from", Forms.dayStart(from, visit.zone(), 0))
                .with("to", Forms.dayStart(to, visit.zone(), 1));
        try {
            Summary summary = backend.get(bearer, Service.CATEGORIZE, "/api/v1/metrics", slice, Summary.class);
            return new LinkDraft(theme, from, to, true, summary.metrics() == null ? 0L : summary.metrics().responses(),
                    false);
        } catch (BackendException e) {
            if (e.status() == 403) {
                return new LinkDraft(theme, from, to, true, null, true);
            }
            if (!Forms.actionable(e)) {
                throw e;
            }
            visit.warn(String.join("; ", Forms.reasons(e, Msgs.of(visit))));
            return new LinkDraft(theme, from, to, false, null, false);
        }
    }

    /** The counts again, for the poll that follows the announcements going out. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return Pages.page(Templates.improvement$progress(find(visit.bearer(), id)), visit);
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("theme") String theme,
                         @FormParam("from") String from, @FormParam("to") String to) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("theme", InboxPage.blankToNull(theme));
        body.put("from", Forms.dayStart(from, visit.zone(), 0));
        body.put("to", Forms.dayStart(to, visit.zone(), 1));
        try {
            LinkResult result = backend.convert(backend.send(visit.bearer(), "POST", Service.ACTION,
                    "/api/v1/improvement-actions/" + id + "/links", body, null), LinkResult.class);
            visit.tell(Msgs.of(visit).done_linked(result.added(), result.counts() == null ? 0 : result.counts().linked()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return back(id);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
        visit.verifyCsrf(csrf);
        return stage(id, "publish", Msgs.of(visit).done_stage("published"));
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
        visit.verifyCsrf(csrf);
        return stage(id, "release", Msgs.of(visit).done_stage("released"));
    }

    private Response stage(UUID id, String step, String done) {
        try {
            backend.send(visit.bearer(), "POST", Service.ACTION, "/api/v1/improvement-actions/" + id + "/" + step,
                    null, null);
            visit.tell(done);
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return back(id);
    }

    private Improvement find(String bearer, UUID id) {
        return backend.get(bearer, Service.ACTION, "/api/v1/improvement-actions/" + id, Query.of(), Improvement.class);
    }

    /**
     * The message in each language it is written in. closeloop-notifier's template preview (the
     * message as the customer gets it, with sample name and words) is for administrators; others
     * see the text as written.
     */
    private List<MessagePreview> previews(String bearer, Improvement action) {
        List<MessagePreview> out = new ArrayList<>();
        for (String language : Choices.languages()) {
            String text = action.messageIn(language);
            if (text != null) {
                out.add(new MessagePreview(language, text,
                        visit.person().isAdmin() ? rendered(bearer, action, language, text) : null));
            }
        }
        return out;
    }

    private TemplatePreview rendered(String bearer, Improvement action, String language, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "improvement");
        body.put("channel", "email");
        body.put("locale", language);
        body.put("team", action.teamId());
        body.put("details", Map.of("title", action.title() == null ? "" : action.title(), "message", text));
        try {
            return backend.convert(backend.send(bearer, "POST", Service.NOTIFIER, "/api/v1/templates/preview", body,
                    null), TemplatePreview.class);
        } catch (BackendException e) {
            if (e.unreachable()) {
                throw e;
            }
            return null;
        }
    }

    private static Response back(UUID id) {
        return Response.seeOther(URI.create("/improvements/" + id)).build();
    }
}
