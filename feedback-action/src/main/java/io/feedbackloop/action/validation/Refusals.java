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

    /** 403: the caller's role allows the operation, but not on another team's things. */
    public static ProblemException otherTeam(String detail) {
        return new ProblemException(Problem.of(403, "other-team", "Forbidden", detail));
    }

    /** 403: the caller's role allows the operation on a team's things, but this one concerns every team. */
    public static ProblemException adminOnly(String detail) {
        return new ProblemException(Problem.of(403, "admin-only", "Forbidden", detail));
    }

    /** Answers 400 naming every violation, sorted by field, if there is any. */
    public static void refuseIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(Problem.invalid(violations));
        }
    }
}
