package io.feedbackloop.action.sla;

import java.time.Duration;
import java.time.Instant;

import io.feedbackloop.action.config.CaseConfig;
import io.feedbackloop.action.teams.BusinessCalendar;
import io.feedbackloop.action.teams.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** When a new case must have had its first response and its resolution, by the policy of its priority. */
@ApplicationScoped
public class SlaClock {

    @Inject
    CaseConfig config;

    public record Deadlines(Instant firstResponseDueAt, Instant resolutionDueAt) {
    }

    /**
     * @param team the owner team, whose calendar counts business hours; null counts calendar time
     */
    public Deadlines deadlines(CasePriority priority, Team team, Instant openedAt) {
        SlaPolicy policy = SlaPolicy.findById(priority.label());
        if (policy == null) {
            Duration defaultFirstResponse = config.firstResponseSla();
            return new Deadlines(openedAt.plus(defaultFirstResponse), openedAt.plus(defaultFirstResponse.multipliedBy(3)));
        }
        Duration firstResponse = Duration.ofMinutes(policy.firstResponseMinutes);
        Duration resolution = Duration.ofMinutes(policy.resolutionMinutes);
        if (!policy.businessHours || team == null) {
            return new Deadlines(openedAt.plus(firstResponse), openedAt.plus(resolution));
        }
        BusinessCalendar calendar = BusinessCalendar.of(team);
        return new Deadlines(calendar.plusWorkingTime(openedAt, firstResponse),
                calendar.plusWorkingTime(openedAt, resolution));
    }
}
