package io.feedbackloop.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.i18n.Msg;
import io.feedbackloop.console.session.CsrfRejectedException;
import io.feedbackloop.console.session.Sessions;
import io.feedbackloop.console.session.SignedOutException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What a person sees when something fails: their own words, the right status, never a stack trace.
 * A case of another team answers 404 from feedback-action, so it is "not found" here too.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(String title, String text, String detail);
    }

    @Inject
    Visit visit;
    @Inject
    Sessions sessions;

    @ServerExceptionMapper
    public Response signedOut(SignedOutException e) {
        if (visit.signedIn()) {
            sessions.close(visit.session());
        }
        return Response.seeOther(java.net.URI.create(SessionAuthentication.signInTarget("GET", visit.uri()))).build();
    }

    /** Signed in, but this page is not for this person's role. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        Msg msg = Msgs.of(visit);
        return page(403, msg.forbidden_title(), msg.forbidden_text(), null);
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e) {
        Msg msg = Msgs.of(visit);
        return page(403, msg.form_expired_title(), msg.form_expired_text(), null);
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        Msg msg = Msgs.of(visit);
        if (e.status() == 401) {
            return signedOut(new SignedOutException("token refused"));
        }
        if (e.status() == 403) {
            return page(403, msg.forbidden_title(), msg.forbidden_text(), null);
        }
        if (e.status() == 404) {
            return page(404, msg.not_found_title(), msg.not_found_text(), null);
        }
        if (e.status() == 400 || e.status() == 422) {
            return page(400, msg.bad_request_title(), msg.bad_request_text(), String.join("; ", e.violations().isEmpty()
                    ? java.util.Collections.singletonList(String.valueOf(e.detail())) : e.violations()));
        }
        LOG.warnf("%s (%s)", e.getMessage(), visit.path());
        Response.ResponseBuilder answer = Response.status(503).entity(render(msg.unavailable_title(),
                msg.unavailable_text(), null)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        return answer.header(HttpHeaders.RETRY_AFTER, "10").build();
    }

    /** An address the console does not have, or an id that is not one (a malformed case id). */
    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        Msg msg = Msgs.of(visit);
        return page(404, msg.not_found_title(), msg.not_found_text(), null);
    }

    @ServerExceptionMapper
    public Response notAllowed(jakarta.ws.rs.NotAllowedException e) {
        Msg msg = Msgs.of(visit);
        return page(405, msg.not_found_title(), msg.not_found_text(), null);
    }

    /** Our own fault: logged with an id the person can quote, shown without any internals. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "page %s failed (reference %s)", visit.path(), reference);
        Msg msg = Msgs.of(visit);
        return page(500, msg.unavailable_title(), msg.unavailable_text(), reference);
    }

    private Response page(int status, String title, String text, String detail) {
        return Response.status(status).entity(render(title, text, detail))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private String render(String title, String text, String detail) {
        return Pages.page(Templates.problem(title, text, detail), visit).render();
    }
}
