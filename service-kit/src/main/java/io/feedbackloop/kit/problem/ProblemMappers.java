package io.feedbackloop.kit.problem;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into {@code application/problem+json}: invalid input into a 400 naming each
 * field and rule, known conditions into their status, and anything unexpected into a 500 that
 * carries an error id for the logs and never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
    public Response unexpected(Throwable e) {
        // a lost optimistic lock surfaces at commit, wrapped in the transaction's exceptions
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return concurrentUpdate(null);
            }
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
