package io.feedbackloop.action.rest;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * The form of a request body: its fields' own constraints, read here rather than with {@code @Valid}
 * so that a caller without a token learns only that (401), a lead-only change is refused to an agent
 * (403) before its body is judged, and the domain refuses the form's violations together with its own.
 */
@ApplicationScoped
public class RequestForms {

    @Inject
    Validator validator;

    /**
     * Violations of the body's own constraints: a mutable list the domain adds its findings to. A
     * request without a body is refused at once, answered like any invalid field.
     */
    public List<Problem.Violation> violations(Object body) {
        if (body == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("body", "NotNull",
                    "must be a JSON object"))));
        }
        return new ArrayList<>(Violations.of(validator.validate(body)));
    }
}
