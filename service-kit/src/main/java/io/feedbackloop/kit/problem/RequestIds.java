package io.feedbackloop.kit.problem;

import java.util.List;
import java.util.UUID;

/** Ids in request paths and queries: a malformed one is the client's mistake (400), not an unknown one (404). */
public final class RequestIds {

    private RequestIds() {
    }

    public static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, "uuid", "must be a UUID"))));
        }
    }
}
