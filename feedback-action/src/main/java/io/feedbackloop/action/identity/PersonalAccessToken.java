package io.feedbackloop.action.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A script's long-lived credential, exchanged for access tokens; only its SHA-256 is kept. */
@Entity
@Table(name = "personal_access_token")
public class PersonalAccessToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null: until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static PersonalAccessToken byHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    public static List<PersonalAccessToken> of(UUID memberId) {
        return list("memberId = ?1 order by createdAt desc, id", memberId);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
