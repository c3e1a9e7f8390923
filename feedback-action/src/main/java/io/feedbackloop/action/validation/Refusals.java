package io.feedbackloop.action.validation;

import java.util.Comparator;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/**
 * A request is refused as a whole: one 400 names every wrong field, those of the request's own
 * form (found by the resource) and those only the domain can judge (an unknown team, a time zone
 * that does not exist).
 */
public final class Refusals {

    private Refusals() {
    }

    /** Answers 400 naming every violation, sorted by field, if there is any. */
    public static void refuseIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(Problem.invalid(violations));
        }
    }
}
