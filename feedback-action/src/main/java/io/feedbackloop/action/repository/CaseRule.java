package io.feedbackloop.action.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Which categorized feedback opens a case; rules are tried in ascending position, the first match wins. */
@Entity
@Table(name = "case_rule")
public class CaseRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean enabled;

    /** A {@code RuleConditions} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> conditions;

    /** The priority of the cases it opens; null: the categorization's priority, at least normal. */
    @Column(name = "case_priority")
    public String casePriority;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static List<CaseRule> inOrder() {
        return list("order by position, name");
    }

    public static List<CaseRule> enabledInOrder() {
        return list("enabled = true order by position, name");
    }

    public static CaseRule byName(String name) {
        return find("name", name).firstResult();
    }
}
