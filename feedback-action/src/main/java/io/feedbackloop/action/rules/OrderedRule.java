package io.feedbackloop.action.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rule leads keep in an ordered, named list: rules are tried in ascending position (ties by
 * name) and the first enabled match wins. Subclasses add what a match decides.
 */
@MappedSuperclass
public abstract class OrderedRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean enabled;

    /** The subclass's conditions type as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> conditions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    // Panache generates static queries per entity class only, not for a mapped superclass, so the
    // shared queries take the entity class and go through the entity manager.

    public static <R extends OrderedRule> List<R> inOrder(Class<R> type) {
        return Panache.getEntityManager(type)
                .createQuery("from " + entityName(type) + " order by position, name", type).getResultList();
    }

    public static <R extends OrderedRule> List<R> enabledInOrder(Class<R> type) {
        return Panache.getEntityManager(type)
                .createQuery("from " + entityName(type) + " where enabled = true order by position, name", type)
                .getResultList();
    }

    public static <R extends OrderedRule> R byName(Class<R> type, String name) {
        return Panache.getEntityManager(type)
                .createQuery("from " + entityName(type) + " where name = ?1", type).setParameter(1, name)
                .getResultStream().findFirst().orElse(null);
    }

    public static <R extends OrderedRule> R byId(Class<R> type, UUID id) {
        return Panache.getEntityManager(type).find(type, id);
    }

    private static String entityName(Class<?> type) {
        return Panache.getEntityManager(type).getMetamodel().entity(type).getName();
    }
}
