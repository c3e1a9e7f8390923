package io.feedbackloop.action.sla.rest;

import io.feedbackloop.action.sla.SlaPolicies;
import io.feedbackloop.action.sla.SlaPolicy;
import io.feedbackloop.action.sla.api.SlaPolicyRequest;
import io.feedbackloop.action.sla.api.SlaPolicyView;

/** Between the SLA policy API's records and the SLA domain. */
final class SlaPolicyMapper {

    private SlaPolicyMapper() {
    }

    static SlaPolicies.Targets targets(SlaPolicyRequest request) {
        return new SlaPolicies.Targets(request.firstResponseMinutes(), request.resolutionMinutes(),
                request.businessHours());
    }

    static SlaPolicyView view(SlaPolicy policy) {
        return new SlaPolicyView(policy.priority, policy.firstResponseMinutes, policy.resolutionMinutes,
                policy.businessHours, policy.updatedAt);
    }
}
