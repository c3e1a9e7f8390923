package io.feedbackloop.action.sla;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import io.feedbackloop.action.rules.ConditionsReader;
import io.feedbackloop.action.sla.api.SlaPolicyRequest;
import io.feedbackloop.action.sla.api.SlaPolicyView;
import io.feedbackloop.action.teams.Caller;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The SLA policy of each priority, as leads set it. */
@ApplicationScoped
@Transactional
public class SlaPolicies {

    @Inject
    ConditionsReader checks;

    @Inject
    Clock clock;

    public List<SlaPolicyView> list() {
        return SlaPolicy.<SlaPolicy>listAll().stream()
                .sorted(Comparator.comparing(p -> CasePriority.of(p.priority), Comparator.nullsLast(Comparator.naturalOrder())))
                .map(SlaPolicies::view).toList();
    }

    public SlaPolicyView put(Caller caller, String priority, SlaPolicyRequest request) {
        caller.requireLead();
        if (CasePriority.of(priority) == null) {
            throw new ProblemException(Problem.of(404, "not-found", "priority not found",
                    "priorities are " + CasePriority.labels()));
        }
        List<Problem.Violation> violations = checks.check(request);
        if (violations.isEmpty() && request.resolutionMinutes() < request.firstResponseMinutes()) {
            violations.add(new Problem.Violation("resolutionMinutes", "not-before-first-response",
                    "must be at least firstResponseMinutes"));
        }
        ConditionsReader.refuseIfAny(violations);
        SlaPolicy policy = SlaPolicy.findById(priority);
        if (policy == null) {
            policy = new SlaPolicy();
            policy.priority = priority;
            policy.persist();
        }
        policy.firstResponseMinutes = request.firstResponseMinutes();
        policy.resolutionMinutes = request.resolutionMinutes();
        policy.businessHours = request.businessHours();
        policy.updatedAt = clock.instant();
        return view(policy);
    }

    private static SlaPolicyView view(SlaPolicy policy) {
        return new SlaPolicyView(policy.priority, policy.firstResponseMinutes, policy.resolutionMinutes,
                policy.businessHours, policy.updatedAt);
    }
}
