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

/** Which team (and optionally person) owns a new case; tried in ascending position, the first match wins. */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean enabled;

    /** A {@code RoutingConditions} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> conditions;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** Email of the team member who gets the case; null: the team picks. */
    public String assignee;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static List<RoutingRule> inOrder() {
        return list("order by position, name");
    }

    public static List<RoutingRule> enabledInOrder() {
        return list("enabled = true order by position, name");
    }

    public static RoutingRule byName(String name) {
        return find("name", name).firstResult();
    }
}
