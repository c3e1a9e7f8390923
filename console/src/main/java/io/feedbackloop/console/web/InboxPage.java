package io.feedbackloop.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.CaseViews.CasePage;
import io.feedbackloop.console.backend.views.CaseViews.Team;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The cases of my teams, most urgent first; new ones appear while the page is open. */
@RolesAllowed({Person.AGENT, Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    /** What the person filters by; the same values go to feedback-action's case list. */
    public record Filter(List<String> status, List<String> priority, String team, String assignee, String overdue,
                         List<String> channel, String theme, String sort) {

        Query toQuery() {
            return Query.of().with("status", String.join(",", status)).with("priority", String.join(",", priority))
                    .with("team", team).with("assignee", assignee).with("overdue", overdue)
                    .with("channel", String.join(",", channel)).with("theme", theme).with("sort", sort);
        }

        /** The same filter as a query string of this page (for links: next page, polling). */
        public String link() {
            Query q = Query.of().withEach("status", status).withEach("priority", priority).with("team", team)
                    .with("assignee", assignee).with("overdue", overdue).withEach("channel", channel)
                    .with("theme", theme).with("sort", sort);
            return q.toString();
        }

        public boolean has(String field, String value) {
            return switch (field) {
                case "status" -> status.contains(value);
                case "priority" -> priority.contains(value);
                case "channel" -> channel.contains(value);
                default -> false;
            };
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Filter filter, CasePage page, List<Team> teams, String cursor,
                                             Instant since);

        static native TemplateInstance inbox$rows(Filter filter, CasePage page, String cursor, Instant since);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance inbox(@QueryParam("status") List<String> status, @QueryParam("priority") List<String> priority,
                                  @QueryParam("team") String team, @QueryParam("assignee") String assignee,
                                  @QueryParam("overdue") String overdue, @QueryParam("channel") List<String> channel,
                                  @QueryParam("theme") String theme, @QueryParam("sort") String sort,
                                  @QueryParam("cursor") String cursor) {
        Filter filter = filter(status, priority, team, assignee, overdue, channel, theme, sort);
        String bearer = visit.bearer();
        var teams = backend.getAsync(bearer, Service.ACTION, "/api/v1/teams", Query.of());
        CasePage page = cases(bearer, filter, cursor);
        List<Team> teamList = Backend.await(teams).isArray()
                ? List.of(backend.convert(Backend.await(teams), Team[].class)) : List.of();
        return Pages.page(Templates.inbox(filter, page, teamList, cursor, clock.instant()), visit);
    }

    /** The first page's rows again, for the poll that shows new cases without a reload. */
    @GET
    @Path("/rows")
    public TemplateInstance rows(@QueryParam("status") List<String> status, @QueryParam("priority") List<String> priority,
                                 @QueryParam("team") String team, @QueryParam("assignee") String assignee,
                                 @QueryParam("overdue") String overdue, @QueryParam("channel") List<String> channel,
                                 @QueryParam("theme") String theme, @QueryParam("sort") String sort,
                                 @QueryParam("since") String since) {
        Filter filter = filter(status, priority, team, assignee, overdue, channel, theme, sort);
        Instant seenUntil = parseInstant(since);
        return Pages.page(Templates.inbox$rows(filter, cases(visit.bearer(), filter, null), null, seenUntil), visit);
    }

    private CasePage cases(String bearer, Filter filter, String cursor) {
        return backend.get(bearer, Service.ACTION, "/api/v1/cases", filter.toQuery().with("cursor", cursor)
                .with("limit", 50), CasePage.class);
    }

    private static Filter filter(List<String> status, List<String> priority, String team, String assignee,
                                 String overdue, List<String> channel, String theme, String sort) {
        // unfiltered, the inbox is the work still to do: closed cases only when asked for
        List<String> statuses = status == null || status.isEmpty()
                ? List.of("open", "in_progress", "waiting_customer") : Pages.split(status);
        return new Filter(statuses, Pages.split(priority), blankToNull(team), blankToNull(assignee),
                blankToNull(overdue), Pages.split(channel), blankToNull(theme), blankToNull(sort));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Instant parseInstant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
