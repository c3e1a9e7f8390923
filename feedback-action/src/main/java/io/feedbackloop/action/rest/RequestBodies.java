package io.feedbackloop.action.rest;

import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/** A management request without a body is the client's mistake, answered like any invalid field. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("body", "NotNull",
                    "must be a JSON object"))));
        }
        return body;
    }
}
