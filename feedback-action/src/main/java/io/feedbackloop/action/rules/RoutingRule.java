package io.feedbackloop.action.rules;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Which team (and optionally person) owns a new case; tried in ascending position, the first
 * match wins. Its conditions are a {@code RoutingConditions}.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends OrderedRule {

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** Email of the team member who gets the case; null: the team picks. */
    public String assignee;

    public static List<RoutingRule> enabledInOrder() {
        return enabledInOrder(RoutingRule.class);
    }
}
