package io.feedbackloop.kit.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Names the field and the rule behind a validation or JSON-reading failure, as the client sent it. */
public final class Violations {

    private Violations() {
    }

    public static Problem.Violation of(ConstraintViolation<?> violation) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.Violation(field(violation.getPropertyPath()), rule, violation.getMessage());
    }

    /** Each failing field of a parsed request, sorted by field name. */
    public static List<Problem.Violation> of(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(Violations::of)
                .sorted((a, b) -> a.field().compareTo(b.field())).collect(Collectors.toList());
    }

    /** What went wrong reading JSON: which field, which rule (type, enum, known-field, json). */
    public static Problem.Violation of(JsonProcessingException e, ObjectMapper mapper) {
        if (e instanceof JsonParseException parse) {
            return new Problem.Violation("body", "json", "is not valid JSON (line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ")");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Violation(path(unknown), "known-field", "is not a field of this request");
        }
        if (e instanceof StrictJson.ControlCharacterException control) {
            return new Problem.Violation(path(control), "no-control-characters", control.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new Problem.Violation(path(format), "enum", "must be one of " + enumValues(target, mapper));
            }
            return new Problem.Violation(path(format), "type", "must be a " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            return new Problem.Violation(field.isEmpty() ? "body" : field, "type",
                    "must be a " + describe(mismatch.getTargetType()));
        }
        return new Problem.Violation("body", "json", "is not a readable request");
    }

    /** {@code submit.submission.customer.email} becomes {@code customer.email}: the path in the request body. */
    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            // container elements (List<@Size String>) are named "<list element>": the index says it all
            if (node.getName() != null && !node.getName().startsWith("<")) {
                parts.add(node.getName());
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    static String path(JsonMappingException e) {
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

    private static String enumValues(Class<?> type, ObjectMapper mapper) {
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
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 date-time such as 2026-11-23T09:00:00Z";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        return "JSON object";
    }
}
