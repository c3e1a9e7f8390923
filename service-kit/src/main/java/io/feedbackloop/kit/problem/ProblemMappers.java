package io.feedbackloop.kit.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
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
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return respond(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response unreadableField(InvalidFormatException e) {
        String rule = e.getTargetType() != null && e.getTargetType().isEnum() ? "enum" : "type";
        String message = rule.equals("enum")
                ? "must be one of " + enumValues(e.getTargetType())
                : "must be a " + describe(e.getTargetType());
        return respond(Problem.invalid(List.of(new Problem.Violation(path(e), rule, message))));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(Problem.invalid(List.of(new Problem.Violation(path(e), "known-field",
                "is not a field of this request"))));
    }

    @ServerExceptionMapper
    public Response mismatchedField(MismatchedInputException e) {
        String field = path(e);
        return respond(Problem.invalid(List.of(new Problem.Violation(field.isEmpty() ? "body" : field, "type",
                "must be a " + describe(e.getTargetType())))));
    }

    @ServerExceptionMapper
    public Response unparsableBody(JsonParseException e) {
        return respond(Problem.invalid(List.of(new Problem.Violation("body", "json",
                "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")"))));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return respond(Problem.invalid(List.of(new Problem.Violation("body", "json", "is not a readable request"))));
    }

    @ServerExceptionMapper
    public Response known(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // the JSON reader reports some parse failures wrapped in a 400
        if (e.getCause() instanceof JsonParseException parse) {
            return unparsableBody(parse);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json);
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

    private static Problem.Violation toViolation(ConstraintViolation<?> violation) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.Violation(field(violation.getPropertyPath()), rule, violation.getMessage());
    }

    /** {@code submit.submission.customer.email} becomes {@code customer.email}: the path in the request body. */
    private static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            parts.add(name);
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> {
            try {
                return mapper.writeValueAsString(c).replace("\"", "");
            } catch (JsonProcessingException ex) {
                return c.toString();
            }
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value of the documented type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }
}
