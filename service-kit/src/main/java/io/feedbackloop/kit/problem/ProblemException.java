package io.feedbackloop.kit.problem;

/** Thrown by a service to answer with a specific problem (404 unknown id, 409 conflict, ...). */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", what + " not found", "no " + what + " with id " + id));
    }
}
