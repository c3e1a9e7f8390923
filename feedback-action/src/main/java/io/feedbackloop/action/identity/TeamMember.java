package io.feedbackloop.action.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who signs in at the built-in issuer: a member of one team (agent, lead or analyst), or
 * the administrator (no team). Only the bcrypt hash of the password is kept.
 */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null for the administrator. */
    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false, unique = true)
    public String email;

    public String name;

    /** agent, lead, analyst or admin (see the kit's Roles). */
    @Column(nullable = false)
    public String role;

    /** Null for a member from before sign-in existed: they cannot sign in until added again. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static TeamMember byEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    /** The teams claim of the member's tokens. */
    public Set<String> teams() {
        return teamId == null ? Set.of() : Set.of(teamId);
    }
}
