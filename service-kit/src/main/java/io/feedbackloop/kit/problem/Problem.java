package io.feedbackloop.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param violations for invalid input: each failing field and the rule it broke
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule: {@code field} is a JSON path into the request ({@code customer.email}). */
    public record Violation(String field, String rule, String message) {
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem("urn:feedbackloop:problem:invalid-request", "The request is invalid", 400,
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid", violations);
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:feedbackloop:problem:" + kind, title, status, detail, List.of());
    }
}
