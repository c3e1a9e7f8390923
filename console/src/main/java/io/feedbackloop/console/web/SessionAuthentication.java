package io.feedbackloop.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.feedbackloop.console.session.Sessions;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's sign-in as Quarkus security sees it: the session cookie names a session, whose
 * person's roles are the identity's roles, so that every page declares with {@code @RolesAllowed}
 * who may open it. Without a session the challenge is the sign-in form (htmx follows
 * {@code HX-Redirect}, not a 303), coming back to the page afterwards.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    private final Sessions sessions;

    public SessionAuthentication(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(Visit.SESSION_COOKIE);
        return Uni.createFrom().item(cookie == null ? null : sessions.find(cookie.getValue())
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.person().email()))
                        .addRoles(session.person().roles()).build())
                .orElse(null));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String target = signInTarget(context.request().method().name(), context.request().uri());
        if (context.request().getHeader("HX-Request") != null) {
            return Uni.createFrom().item(new ChallengeData(204, "HX-Redirect", target));
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", target));
    }

    /** The sign-in form, coming back to a page asked for with GET afterwards. */
    static String signInTarget(String method, String cameFrom) {
        if ("GET".equals(method) && cameFrom != null && !cameFrom.equals("/") && !cameFrom.startsWith("/sign-in")) {
            return "/sign-in?next=" + URLEncoder.encode(cameFrom, StandardCharsets.UTF_8);
        }
        return "/sign-in";
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
