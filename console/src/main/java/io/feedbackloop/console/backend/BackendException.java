package io.feedbackloop.console.backend;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service answered with an error. {@code status} 0 means it could not be reached at all. The
 * problem's own words (title, detail, violations) are kept so that a form can show what was wrong.
 */
public class BackendException extends RuntimeException {

    private final int status;
    private final String service;
    private final transient JsonNode problem;

    public BackendException(String service, int status, JsonNode problem, String message) {
        super(message);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String service() {
        return service;
    }

    public boolean unreachable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    /** The problem's detail (or title), to show next to a form; null when the service said nothing useful. */
    public String detail() {
        if (problem == null) {
            return null;
        }
        String detail = problem.path("detail").asText(null);
        return detail != null ? detail : problem.path("title").asText(null);
    }

    /** "field: message" for each violation the service named. */
    public List<String> violations() {
        if (problem == null || !problem.path("violations").isArray()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode v : problem.path("violations")) {
            String field = v.path("field").asText("");
            String message = v.path("message").asText("");
            out.add(field.isEmpty() ? message : field + ": " + message);
        }
        return out;
    }
}
