package io.feedbackloop.console.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.SettingsViews.Erasure;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Erasing a customer everywhere (feedback-ingest, administrators): asked for, confirmed on a second
 * page because it cannot be undone, then followed until every service confirmed it. feedback-ingest
 * lists no erasures, so one is followed by its id (the page it redirects to after the request).
 */
@RolesAllowed(Person.ADMIN)
@Path("/settings/erasure")
@Produces(MediaType.TEXT_HTML)
public class ErasureSettings {

    @CheckedTemplate(basePath = "SettingsPage")
    static class Templates {
        static native TemplateInstance erasure(Erasure erasure);

        static native TemplateInstance erasure$status(Erasure erasure);

        static native TemplateInstance erasureConfirm(String customerId, boolean eraseText);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance erasure(@QueryParam("id") String id) {
        if (!visit.person().isAdmin()) {
            // the form itself reads nothing; feedback-ingest would refuse the request it sends
            throw new BackendException("ingest", 403, null, "erasure is for administrators");
        }
        return Pages.page(Templates.erasure(find(id)), visit);
    }

    /** The erasure again, for the poll that follows the services' confirmations. */
    @GET
    @Path("{id}/status")
    public TemplateInstance status(@PathParam("id") UUID id) {
        return Pages.page(Templates.erasure$status(find(id.toString())), visit);
    }

    /** The confirmation is a form's answer: coming back to it (a language switch, a reload) starts over. */
    @GET
    @Path("confirm")
    public Response restart() {
        return SettingsPage.toTab("erasure");
    }

    /** The second step: the customer id as typed, and what will be erased, before anything is. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance confirm(@FormParam("csrf") String csrf, @FormParam("customerId") String customerId,
                                    @FormParam("eraseText") String eraseText) {
        visit.verifyCsrf(csrf);
        return Pages.page(Templates.erasureConfirm(customerId == null ? "" : customerId.trim(), eraseText != null),
                visit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("csrf") String csrf, @FormParam("customerId") String customerId,
                          @FormParam("eraseText") String eraseText) {
        visit.verifyCsrf(csrf);
        String customer = customerId == null ? "" : customerId.trim();
        try {
            Erasure erasure = backend.convert(backend.send(visit.bearer(), "POST", Service.INGEST,
                    "/api/v1/customers/" + Forms.segment(customer) + "/erasure",
                    Map.of("eraseText", "true".equals(eraseText)), null), Erasure.class);
            visit.tell(Msgs.of(visit).done_erasure_requested());
            return Response.seeOther(URI.create("/settings/erasure?id=" + erasure.id())).build();
        } catch (BackendException e) {
            Forms.warn(visit, e);
            return SettingsPage.toTab("erasure");
        }
    }

    private Erasure find(String id) {
        String wanted = InboxPage.blankToNull(id);
        if (wanted == null) {
            return null;
        }
        return backend.get(visit.bearer(), Service.INGEST, "/api/v1/erasures/" + Forms.segment(wanted), Query.of(),
                Erasure.class);
    }
}
