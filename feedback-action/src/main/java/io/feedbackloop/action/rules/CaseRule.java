package io.feedbackloop.action.rules;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Which categorized feedback opens a case; rules are tried in ascending position, the first match
 * wins. Its conditions are a {@code RuleConditions}.
 */
@Entity
@Table(name = "case_rule")
public class CaseRule extends OrderedRule {

    /** The priority of the cases it opens; null: the categorization's priority, at least normal. */
    @Column(name = "case_priority")
    public String casePriority;

    public static List<CaseRule> enabledInOrder() {
        return enabledInOrder(CaseRule.class);
    }
}
