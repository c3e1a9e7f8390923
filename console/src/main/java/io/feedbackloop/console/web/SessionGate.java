package io.feedbackloop.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.feedbackloop.console.session.Sessions;

/**
 * Every page needs a sign-in except the sign-in page and the language switch. Static files
 * (stylesheet, scripts, charts) are served before this filter and need none.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionGate implements ContainerRequestFilter, ContainerResponseFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("/sign-in", "/language");

    @Inject
    Visit visit;
    @Inject
    Sessions sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        // the form token is decided before the page renders, so that its cookie goes out with the page
        visit.csrf();
        sessions.find(visit.sessionCookie()).ifPresent(visit::attach);
        String path = request.getUriInfo().getPath();
        if (visit.signedIn() || PUBLIC_PATHS.contains(path)) {
            return;
        }
        request.abortWith(toSignIn(request.getHeaderString("HX-Request") != null, request.getMethod(),
                visit.uri()));
    }

    /** To the sign-in form, coming back here afterwards (htmx follows {@code HX-Redirect}, not a 303). */
    static Response toSignIn(boolean htmx, String method, String cameFrom) {
        String target = "/sign-in";
        if ("GET".equals(method) && cameFrom != null && !cameFrom.equals("/") && !cameFrom.startsWith("/sign-in")) {
            target += "?next=" + URLEncoder.encode(cameFrom, StandardCharsets.UTF_8);
        }
        if (htmx) {
            return Response.noContent().header("HX-Redirect", target).build();
        }
        return Response.seeOther(java.net.URI.create(target)).build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (visit.csrfIssued()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Cookies.header(Visit.CSRF_COOKIE, visit.csrf(), -1,
                    true, "Strict", visit.secureCookies()));
        }
        // pages show personal work: never from a shared cache, never from the back button after sign-out
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
