package io.feedbackloop.action.sla;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The SLA policy of each priority, as the administrator sets it (it holds for every team). */
@ApplicationScoped
@Transactional
public class SlaPolicies {

    @Inject
    Clock clock;

    /**
     * Target times of one priority.
     *
     * @param businessHours count only the owner team's working time (its calendar, time zone and holidays)
     */
    public record Targets(Integer firstResponseMinutes, Integer resolutionMinutes, Boolean businessHours) {
    }

    /** Lowest priority first. */
    public List<SlaPolicy> list() {
        return SlaPolicy.<SlaPolicy>listAll().stream()
                .sorted(Comparator.comparing(p -> CasePriority.of(p.priority), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** @param formViolations what is wrong with the request's own fields, refused together with the rest */
    public SlaPolicy put(String priority, Targets targets, List<Problem.Violation> formViolations) {
        if (CasePriority.of(priority) == null) {
            throw new ProblemException(Problem.of(404, "not-found", "priority not found",
                    "priorities are " + CasePriority.labels()));
        }
        List<Problem.Violation> violations = formViolations;
        if (violations.isEmpty() && targets.resolutionMinutes() < targets.firstResponseMinutes()) {
            violations.add(new Problem.Violation("resolutionMinutes", "not-before-first-response",
                    "must be at least firstResponseMinutes"));
        }
        Refusals.refuseIfAny(violations);
        SlaPolicy policy = SlaPolicy.findById(priority);
        if (policy == null) {
            policy = new SlaPolicy();
            policy.priority = priority;
            policy.persist();
        }
        policy.firstResponseMinutes = targets.firstResponseMinutes();
        policy.resolutionMinutes = targets.resolutionMinutes();
        policy.businessHours = targets.businessHours();
        policy.updatedAt = clock.instant();
        return policy;
    }
}
