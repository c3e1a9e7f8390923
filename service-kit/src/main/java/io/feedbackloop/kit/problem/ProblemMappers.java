package io.feedbackloop.kit.problem;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.messaging.TransientFailures;
import io.feedbackloop.kit.ratelimit.RateLimitExceededException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into {@code application/problem+json}: invalid input into a 400 naming each
 * field and rule, known conditions into their status, and anything unexpected into a 500 that
 * carries an error id for the logs and never a stack trace. A database that cannot be reached is
 * an outage, not a bug: 503 with {@code Retry-After}. Missing or invalid credentials are a 401
 * with the {@code WWW-Authenticate} challenge, a missing role a 403 naming the roles that would do.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a database failover or a pool to drain, short enough to retry soon. */
    static final String RETRY_AFTER_SECONDS = "5";
    static final String BEARER_CHALLENGE = "Bearer realm=\"feedback-loop\"";

    @Inject
    ObjectMapper mapper;

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        return respond(Problem.invalid(Violations.of(e.getConstraintViolations())));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(Problem.invalid(List.of(Violations.of(e, mapper))));
    }

    /** Declared apart from its superclass so that it outranks the JSON extension's own mapper. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    /** A bug in what we send back, not a client's mistake. */
    @ServerExceptionMapper
    public Response unwritableJson(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(jakarta.persistence.OptimisticLockException e) {
        return respond(Problem.of(409, "concurrent-update", "Conflict",
                "the resource changed while this request was processed; send it again"));
    }

    @ServerExceptionMapper
    public Response known(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // the JSON reader reports some parse failures wrapped in a 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
        return respond(Problem.of(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooMany(RateLimitExceededException e) {
        return Response.fromResponse(respond(Problem.of(429, "rate-limited", "Too many requests",
                        e.getMessage() + "; retry in " + e.retryAfterSeconds() + " s")))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "send a bearer token ('Authorization: Bearer <token>') or, for a support channel, its API key")),
                BEARER_CHALLENGE);
    }

    @ServerExceptionMapper
    public Response invalidCredentials(AuthenticationFailedException e) {
        return challenge(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "the credentials are not valid: expired, revoked, or not issued for this service")),
                BEARER_CHALLENGE + ", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed allowed = rolesAllowed(resource);
        String detail = allowed == null ? "your roles do not allow this"
                : "this needs one of the roles " + String.join(", ", allowed.value());
        return respond(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    private static RolesAllowed rolesAllowed(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }

    private static Response challenge(Response problem, String challenge) {
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // a lost optimistic lock surfaces at commit, wrapped in the transaction's exceptions
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return concurrentUpdate(null);
            }
        }
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("answering 503, a dependency is unavailable: %s", e.toString());
            return Response.fromResponse(respond(Problem.of(503, "unavailable", "Service unavailable",
                    "a store this service needs cannot be reached just now; nothing was changed, retry later")))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", errorId);
        return respond(Problem.of(500, "internal", "Internal error",
                "the request could not be completed; quote error id " + errorId + " when reporting it"));
    }

    private Response respond(Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
