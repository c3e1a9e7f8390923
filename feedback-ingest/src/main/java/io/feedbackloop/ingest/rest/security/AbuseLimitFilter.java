package io.feedbackloop.ingest.rest.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies {@link AbuseLimits} to every REST request before it is matched, authenticated or read. */
public class AbuseLimitFilter {

    @Inject
    AbuseLimits limits;

    @ServerRequestFilter(preMatching = true)
    public void admit(ContainerRequestContext request, HttpServerRequest http) {
        limits.admit(clientAddress(http), request.getHeaderString(ApiKeyAuthenticationMechanism.HEADER),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The peer, or the client a trusted proxy names when quarkus.http.proxy.proxy-address-forwarding is on. */
    public static String clientAddress(HttpServerRequest http) {
        SocketAddress address = http.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
