package io.feedbackloop.notifier.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An address nobody may write to on a channel, because its owner opted out: held as a keyed hash,
 * so the list outlives the customer's erasure without keeping their address.
 */
@Entity
@Table(name = "suppressed_address")
@IdClass(SuppressedAddress.Key.class)
public class SuppressedAddress extends PanacheEntityBase {

    @Id
    @Column(name = "address_hash")
    public String addressHash;

    @Id
    public String channel;

    @Column(nullable = false)
    public String reason;

    @Column(name = "suppressed_at", nullable = false)
    public Instant suppressedAt;

    /** The entry for this hash on this channel, or null. */
    public static SuppressedAddress of(String channel, String addressHash) {
        return findById(new Key(addressHash, channel));
    }

    /** Adds the hashes not yet on the list; an entry already there keeps its reason and date. */
    public static int suppress(String channel, Collection<String> addressHashes, String reason, Instant at) {
        if (addressHashes.isEmpty()) {
            return 0;
        }
        return getEntityManager().createNativeQuery("""
                INSERT INTO suppressed_address (address_hash, channel, reason, suppressed_at)
                SELECT h, CAST(?2 AS varchar), CAST(?3 AS varchar), CAST(?4 AS timestamptz)
                FROM (SELECT DISTINCT unnest(CAST(?1 AS varchar[])) AS h) AS hashes
                ON CONFLICT (address_hash, channel) DO NOTHING""")
                .setParameter(1, addressHashes.toArray(String[]::new)).setParameter(2, channel)
                .setParameter(3, reason).setParameter(4, at).executeUpdate();
    }

    public static long release(String channel, Collection<String> addressHashes) {
        if (addressHashes.isEmpty()) {
            return 0;
        }
        return delete("channel = ?1 and addressHash in ?2", channel, List.copyOf(addressHashes));
    }

    public static boolean anyOf(String channel, Collection<String> addressHashes) {
        return !addressHashes.isEmpty()
                && count("channel = ?1 and addressHash in ?2", channel, List.copyOf(addressHashes)) > 0;
    }

    /** The composite key: one entry per address and channel. */
    public static class Key implements Serializable {

        public String addressHash;
        public String channel;

        public Key() {
        }

        public Key(String addressHash, String channel) {
            this.addressHash = addressHash;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(addressHash, key.addressHash)
                    && Objects.equals(channel, key.channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(addressHash, channel);
        }
    }
}
