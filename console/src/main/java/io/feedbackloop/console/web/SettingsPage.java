package io.feedbackloop.console.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.feedbackloop.console.backend.views.CaseViews.Member;
import io.feedbackloop.console.backend.views.CaseViews.Team;
import io.feedbackloop.console.backend.views.SettingsViews.NewMember;
import io.feedbackloop.console.backend.views.SettingsViews.SlaPolicy;
import io.feedbackloop.console.i18n.Msg;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Settings: the teams and their people, and the SLA policies (feedback-action). The other tabs
 * have their own resources under {@code /settings/...}; each tab is shown to the roles its service
 * lets read it, and the service decides every change.
 */
@RolesAllowed({Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    /** A team with its members; {@code members} null: this person may not see them (another team's). */
    public record TeamRow(Team team, List<Member> members, boolean manages) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(List<TeamRow> teams, List<String> roles);

        static native TemplateInstance sla(List<SlaPolicy> policies);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    /** The first tab this person may open. */
    @GET
    public Response index() {
        List<String> tabs = SettingsRights.settingsTabs(visit.person());
        if (tabs.isEmpty()) {
            throw new BackendException("console", 403, null, "no settings for this role");
        }
        return Response.seeOther(URI.create("/settings/" + tabs.get(0))).build();
    }

    // ---- teams and members ----

    @GET
    @Path("teams")
    public TemplateInstance teams() {
        String bearer = visit.bearer();
        List<Team> teams = Forms.list(backend, backend.get(bearer, Service.ACTION, "/api/v1/teams", Query.of()),
                Team[].class);
        Map<String, CompletableFuture<JsonNode>> members = new LinkedHashMap<>();
        teams.forEach(t -> members.put(t.id(), backend.getAsync(bearer, Service.ACTION,
                "/api/v1/teams/" + Forms.segment(t.id()) + "/members", Query.of())));
        Person person = visit.person();
        List<TeamRow> rows = teams.stream().map(t -> new TeamRow(t, membersOf(members.get(t.id())),
                SettingsRights.managesTeam(person, t.id()))).toList();
        // only an administrator adds analysts (they read every team's cases)
        List<String> roles = person.isAdmin() ? List.of("agent", "lead", "analyst") : List.of("agent", "lead");
        return Pages.page(Templates.teams(rows, roles), visit);
    }

    /** A team's members, or null when the service keeps them from this person (another team's). */
    private List<Member> membersOf(CompletableFuture<JsonNode> pending) {
        try {
            return Forms.list(backend, Backend.await(pending), Member[].class);
        } catch (BackendException e) {
            if (e.status() == 403) {
                return null;
            }
            throw e;
        }
    }

    /** Adds a member; the password the service generated is shown once, in the next page's notice. */
    @POST
    @Path("teams/{team}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("team") String team, @FormParam("csrf") String csrf,
                              @FormParam("email") String email, @FormParam("name") String name,
                              @FormParam("role") String role) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email == null ? "" : email.trim());
        body.put("name", InboxPage.blankToNull(name));
        body.put("role", role);
        try {
            NewMember added = backend.convert(backend.send(visit.bearer(), "POST", Service.ACTION,
                    "/api/v1/teams/" + Forms.segment(team) + "/members", body, null), NewMember.class);
            Msg msg = Msgs.of(visit);
            visit.tell(added.initialPassword() == null ? msg.done_member_added(added.email())
                    : msg.done_member_added_password(added.email(), added.initialPassword()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return toTab("teams");
    }

    /** A new team (administrators): its id, name, time zone and working hours, which its SLA clock follows. */
    @POST
    @Path("teams")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTeam(@FormParam("csrf") String csrf, @FormParam("id") String id, @FormParam("name") String name,
                            @FormParam("timeZone") String timeZone, @FormParam("workDays") List<String> workDays,
                            @FormParam("workStart") String workStart, @FormParam("workEnd") String workEnd) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", InboxPage.blankToNull(id));
        body.put("name", name == null ? "" : name.trim());
        body.put("timeZone", timeZone == null ? "" : timeZone.trim());
        body.put("workDays", workDays == null ? List.of() : workDays);
        body.put("workStart", workStart);
        body.put("workEnd", workEnd);
        try {
            backend.send(visit.bearer(), "POST", Service.ACTION, "/api/v1/teams", body, null);
            visit.tell(Msgs.of(visit).done_team_added(name == null ? "" : name.trim()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return toTab("teams");
    }

    @POST
    @Path("teams/{team}/members/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("team") String team, @FormParam("csrf") String csrf,
                               @FormParam("email") String email) {
        visit.verifyCsrf(csrf);
        try {
            backend.send(visit.bearer(), "DELETE", Service.ACTION,
                    "/api/v1/teams/" + Forms.segment(team) + "/members/" + Forms.segment(email), null, null);
            visit.tell(Msgs.of(visit).done_member_deactivated(email));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return toTab("teams");
    }

    // ---- SLA policies ----

    @GET
    @Path("sla")
    public TemplateInstance sla() {
        List<SlaPolicy> policies = Forms.list(backend, backend.get(visit.bearer(), Service.ACTION,
                "/api/v1/sla-policies", Query.of()), SlaPolicy[].class);
        return Pages.page(Templates.sla(policies), visit);
    }

    @POST
    @Path("sla/{priority}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response putSla(@PathParam("priority") String priority, @FormParam("csrf") String csrf,
                           @FormParam("firstResponseMinutes") String firstResponse,
                           @FormParam("resolutionMinutes") String resolution,
                           @FormParam("businessHours") String businessHours) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstResponseMinutes", Forms.number(firstResponse));
        body.put("resolutionMinutes", Forms.number(resolution));
        body.put("businessHours", businessHours != null);
        try {
            backend.send(visit.bearer(), "PUT", Service.ACTION, "/api/v1/sla-policies/" + Forms.segment(priority),
                    body, null);
            visit.tell(Msgs.of(visit).done_sla_saved());
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return toTab("sla");
    }

    static Response toTab(String path) {
        return Response.seeOther(URI.create("/settings/" + path)).build();
    }
}
