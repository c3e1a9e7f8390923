package io.feedbackloop.action.teams;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person of a team: an agent or a lead, authenticating with a token of which only the SHA-256 is kept. */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false, unique = true)
    public String email;

    public String name;

    /** agent or lead. */
    @Column(nullable = false)
    public String role;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static TeamMember byTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    public static TeamMember byEmail(String email) {
        return find("email", email).firstResult();
    }
}
