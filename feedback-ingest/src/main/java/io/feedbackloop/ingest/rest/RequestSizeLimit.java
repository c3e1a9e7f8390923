package io.feedbackloop.ingest.rest;

import io.feedbackloop.ingest.config.IngestConfig;
import io.feedbackloop.kit.problem.Problem;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Single requests are small; only the import (a Vert.x route that streams to disk, outside this
 * layer) may be large. The HTTP layer's own limit is set high for it, so this filter refuses every
 * oversized REST body with a problem before anything reads it.
 */
public class RequestSizeLimit {

    /** Looked up per request: the filter is built at static init, before config mappings exist. */
    @Inject
    Provider<IngestConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = config.get().maxRequestBytes();
        if (length == null) {
            // a chunked body of unknown size could be as large as the import limit: refuse it
            return "chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"))
                    ? problem(411, "length-required", "Length required",
                            "send Content-Length (at most " + limit + " bytes); send files to /api/v1/feedback/import")
                    : null;
        }
        try {
            if (Long.parseLong(length.trim()) <= limit) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null; // the HTTP layer rejects malformed lengths itself
        }
        return problem(413, "too-large", "Payload too large",
                "this request body may be at most " + limit + " bytes; send files to /api/v1/feedback/import");
    }

    private static Response problem(int status, String kind, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity("{\"type\":\"urn:feedbackloop:problem:" + kind + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}").build();
    }
}
