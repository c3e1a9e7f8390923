package io.feedbackloop.console.web;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.CaseViews.CasePage;
import io.feedbackloop.console.backend.views.FeedbackViews.FoundPage;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Search what customers said: words (stemmed per language), theme, sentiment, score class, language, period. */
@RolesAllowed({Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/feedback")
public class FeedbackPage {

    public static class Search {
        @QueryParam("q")
        public String q;
        @QueryParam("theme")
        public String theme;
        @QueryParam("sentiment")
        public String sentiment;
        @QueryParam("scoreClass")
        public String scoreClass;
        @QueryParam("language")
        public String language;
        @QueryParam("channel")
        public String channel;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;

        Query query() {
            return Query.of().with("q", q).with("theme", theme).with("sentiment", sentiment)
                    .with("scoreClass", scoreClass).with("language", language).with("channel", channel)
                    .with("from", from).with("to", to);
        }

        public String link() {
            return query().toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedback(Search search, FoundPage page, String cursor);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@BeanParam Search search, @QueryParam("cursor") String cursor) {
        FoundPage page = backend.get(visit.bearer(), Service.CATEGORIZE, "/api/v1/categorizations",
                search.query().with("cursor", cursor).with("limit", 50), FoundPage.class);
        return Pages.page(Templates.feedback(search, page, cursor), visit);
    }

    /** The case opened for a feedback, if any. */
    @GET
    @Path("/{id}/case")
    public Response caseOf(@PathParam("id") UUID id) {
        CasePage cases = backend.get(visit.bearer(), Service.ACTION, "/api/v1/cases",
                Query.of().with("feedbackId", id).with("status", "open,in_progress,waiting_customer,closed"), CasePage.class);
        if (cases.items().isEmpty()) {
            visit.warn(Msgs.of(visit).no_case_for_feedback());
            return Response.seeOther(URI.create("/feedback")).build();
        }
        return Response.seeOther(URI.create("/cases/" + cases.items().get(0).id())).build();
    }
}
