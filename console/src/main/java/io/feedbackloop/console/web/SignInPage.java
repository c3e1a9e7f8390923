package io.feedbackloop.console.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.i18n.Msg;
import io.feedbackloop.console.session.Accounts;
import io.feedbackloop.console.session.Person;
import io.feedbackloop.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Signing in and out, and the language switch (which works signed out too). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String next, String email, String error);
    }

    @Inject
    Visit visit;
    @Inject
    Accounts accounts;

    @GET
    @PermitAll // only a redirect to the inbox, which asks for a sign-in itself
    public Response home() {
        return Response.seeOther(URI.create("/inbox")).build();
    }

    @GET
    @PermitAll // where a person without a sign-in gets one
    @Path("sign-in")
    public Object signInForm(@QueryParam("next") String next) {
        if (visit.signedIn()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Pages.page(Templates.signIn(safeNext(next), null, null), visit);
    }

    @POST
    @PermitAll // the sign-in itself (form token checked; throttled by feedback-action per person's address)
    @Path("sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("csrf") String csrf, @FormParam("email") String email,
                           @FormParam("password") String password, @FormParam("next") String next) {
        visit.verifyCsrf(csrf);
        Msg msg = Msgs.of(visit);
        try {
            Session session = accounts.signIn(email, password, visit.clientAddress());
            return Response.seeOther(URI.create(safeNext(next)))
                    .header(HttpHeaders.SET_COOKIE, Cookies.header(Visit.SESSION_COOKIE, session.id(), -1, true, "Lax",
                            visit.secureCookies()))
                    .build();
        } catch (BackendException e) {
            String error = e.status() == 429 ? msg.sign_in_throttled()
                    : e.unreachable() ? msg.unavailable_text() : msg.sign_in_failed();
            int status = e.status() == 429 ? 429 : e.unreachable() ? 503 : 401;
            Response.ResponseBuilder answer = Response.status(status)
                    .entity(Pages.page(Templates.signIn(safeNext(next), email, error), visit).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            if (status == 503) {
                answer.header(HttpHeaders.RETRY_AFTER, "10");
            }
            return answer.build();
        }
    }

    @POST
    @RolesAllowed({Person.AGENT, Person.LEAD, Person.ANALYST, Person.ADMIN})
    @Path("sign-out")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf) {
        visit.verifyCsrf(csrf);
        accounts.signOut(visit.session());
        return Response.seeOther(URI.create("/sign-in"))
                .header(HttpHeaders.SET_COOKIE, Cookies.header(Visit.SESSION_COOKIE, "", 0, true, "Lax", visit.secureCookies()))
                .build();
    }

    @POST
    @PermitAll // the language of the sign-in page too (form token checked; it only sets a cookie)
    @Path("language")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("csrf") String csrf, @FormParam("lang") String lang,
                             @FormParam("back") String back) {
        visit.verifyCsrf(csrf);
        String chosen = lang != null && Visit.LANGUAGES.contains(lang) ? lang : "en";
        return Response.seeOther(URI.create(safeNext(back)))
                .header(HttpHeaders.SET_COOKIE, Cookies.header(Visit.LANGUAGE_COOKIE, chosen, 365L * 24 * 3600, false,
                        "Lax", visit.secureCookies()))
                .build();
    }

    /** Only a path of this console: a crafted link must not send a person elsewhere after signing in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/sign-in") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/inbox";
        }
        return next;
    }
}
