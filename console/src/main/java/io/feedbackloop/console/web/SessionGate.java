package io.feedbackloop.console.web;


import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.feedbackloop.console.session.Sessions;

/**
 * Hands this request's session (if any) to {@link Visit} and issues the form-token cookie. Who may
 * open a page is each page's {@code @RolesAllowed}, checked by Quarkus against the session
 * ({@link SessionAuthentication}), which also sends a person without a sign-in to the form.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionGate implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    Visit visit;
    @Inject
    Sessions sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        // the form token is decided before the page renders, so that its cookie goes out with the page
        visit.csrf();
        sessions.find(visit.sessionCookie()).ifPresent(visit::attach);
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
