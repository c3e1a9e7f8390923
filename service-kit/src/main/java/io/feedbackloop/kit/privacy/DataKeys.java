package io.feedbackloop.kit.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.feedbackloop.kit.messaging.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The customers' data keys this service knows ({@code customer_key}). Every answer comes from the
 * database inside the caller's transaction, so a key destroyed by an erasure committed a moment
 * ago is destroyed for the next event; only the unwrapping (pure arithmetic) is cached.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DataKeys {

    /** What this service knows of a key id. */
    public sealed interface Lookup {
        record Live(SecretKey key) implements Lookup { }

        record Destroyed() implements Lookup { }

        /** Not yet delivered (the key topic lags), or never issued here. */
        record Unknown() implements Lookup { }
    }

    /**
     * Unwrapped keys of the customers seen lately. Bounded: an import of a million customers must
     * not keep a million keys on the heap; a key that fell out is unwrapped again from its row.
     */
    private final Map<UUID, SecretKey> unwrapped = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
            return size() > UNWRAPPED_KEYS_KEPT;
        }
    });
    private static final int UNWRAPPED_KEYS_KEPT = 10_000;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    PrivacyConfig config;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    EventOutbox outbox;

    @Inject
    Clock clock;

    private volatile SecretKey master;

    /** The live key for this customer's data; the key owner creates one when there is none. */
    public KeyForSealing keyFor(String customerId) {
        String ref = pseudonyms.customerRef(customerId);
        // one feedback seals several events of the same customer in one transaction (its contact and
        // the feedback itself; an import a batch of them): look the key up once per transaction
        Map<String, KeyForSealing> keysOfThisTransaction = keysOfThisTransaction();
        KeyForSealing key = keysOfThisTransaction.get(ref);
        if (key == null) {
            key = liveOrNewKey(ref);
            keysOfThisTransaction.put(ref, key);
        }
        return key;
    }

    private KeyForSealing liveOrNewKey(String ref) {
        KeyForSealing live = liveKey(ref);
        if (live != null) {
            return live;
        }
        if (!config.keyOwner()) {
            // the event we publish about them came in the clear (published before sealing was
            // switched on): there is no key to seal with, and publishing in the clear is no option
            throw new IllegalStateException("no data key for customer " + ref + ": events about customers come "
                    + "sealed from the key owner (feedback-ingest)");
        }
        UUID keyId = UUID.randomUUID();
        SecretKey key = FieldCipher.newDataKey();
        byte[] wrapped = FieldCipher.wrap(master(), keyId, key);
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO customer_key (key_id, customer_ref, wrapped_key, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, keyId).setParameter(2, ref).setParameter(3, wrapped).setParameter(4, now)
                .executeUpdate();
        if (inserted == 0) {
            // a concurrent transaction created this customer's key first: seal with that one
            KeyForSealing theirs = liveKey(ref);
            if (theirs == null) {
                throw new KeyNotYetDeliveredException("customer " + ref + "'s key is being created");
            }
            return theirs;
        }
        outbox.publish(CustomerKeys.TOPIC, CustomerKeys.TYPE, keyId.toString(),
                new CustomerKeys.KeyRecord(keyId, ref, Base64.getEncoder().encodeToString(wrapped), now, null));
        forgetErasure(ref);
        unwrapped.put(keyId, key);
        return new KeyForSealing(keyId, key);
    }

    public Lookup lookup(UUID keyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT wrapped_key, destroyed_at FROM customer_key WHERE key_id = ?1")
                .setParameter(1, keyId).getResultList();
        if (rows.isEmpty()) {
            return new Lookup.Unknown();
        }
        Object[] row = rows.get(0);
        if (row[0] == null) {
            unwrapped.remove(keyId);
            return new Lookup.Destroyed();
        }
        return new Lookup.Live(unwrapped.computeIfAbsent(keyId, id -> FieldCipher.unwrap(master(), id, (byte[]) row[0])));
    }

    /**
     * Destroys every key of the customer here; the key owner also tells the other services (and
     * the log: compaction keeps only the marker) and drops the key from its sent outbox rows.
     *
     * @return keys destroyed
     */
    public int destroy(String customerId) {
        String ref = pseudonyms.customerRef(customerId);
        keysOfThisTransaction().remove(ref);
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> destroyed = entityManager.createNativeQuery("""
                UPDATE customer_key SET wrapped_key = NULL, destroyed_at = ?2
                WHERE customer_ref = ?1 AND destroyed_at IS NULL RETURNING key_id""")
                .setParameter(1, ref).setParameter(2, now).getResultList();
        for (UUID keyId : destroyed) {
            unwrapped.remove(keyId);
            if (config.keyOwner()) {
                entityManager.createNativeQuery("DELETE FROM outbox_event WHERE topic = ?1 AND record_key = ?2")
                        .setParameter(1, CustomerKeys.TOPIC).setParameter(2, keyId.toString()).executeUpdate();
                outbox.publish(CustomerKeys.TOPIC, CustomerKeys.TYPE, keyId.toString(),
                        new CustomerKeys.KeyRecord(keyId, ref, null, null, now));
            }
        }
        return destroyed.size();
    }

    /** A record of {@code customer.keys.v1}: learn a key, or that it was destroyed. */
    public void learn(CustomerKeys.KeyRecord record) {
        if (record.wrappedKey() == null) {
            entityManager.createNativeQuery("""
                    INSERT INTO customer_key (key_id, customer_ref, wrapped_key, created_at, destroyed_at)
                    VALUES (?1, ?2, NULL, ?3, ?3)
                    ON CONFLICT (key_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = EXCLUDED.destroyed_at""")
                    .setParameter(1, record.keyId()).setParameter(2, record.customerRef())
                    .setParameter(3, record.destroyedAt() != null ? record.destroyedAt() : clock.instant())
                    .executeUpdate();
            unwrapped.remove(record.keyId());
            keysOfThisTransaction().remove(record.customerRef());
            return;
        }
        byte[] wrapped = Base64.getDecoder().decode(record.wrappedKey());
        FieldCipher.unwrap(master(), record.keyId(), wrapped);   // a key we cannot unwrap is refused now, not per event
        Instant createdAt = record.createdAt() != null ? record.createdAt() : clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> erasedAt = entityManager.createNativeQuery(
                "SELECT erased_at FROM erased_customer WHERE customer_ref = ?1")
                .setParameter(1, record.customerRef()).getResultList();
        if (!erasedAt.isEmpty() && !createdAt.isAfter(toInstant(erasedAt.get(0)))) {
            // the key arrives after the erasure it predates (topics are not ordered): it is born destroyed
            learn(new CustomerKeys.KeyRecord(record.keyId(), record.customerRef(), null, null, toInstant(erasedAt.get(0))));
            return;
        }
        // a key destroyed here first (its marker arrived before the key) stays destroyed
        int learnt = entityManager.createNativeQuery("""
                INSERT INTO customer_key (key_id, customer_ref, wrapped_key, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, record.keyId()).setParameter(2, record.customerRef()).setParameter(3, wrapped)
                .setParameter(4, createdAt).executeUpdate();
        if (learnt > 0) {
            forgetErasure(record.customerRef());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /**
     * A new key for a customer erased before means they came back and gave feedback again: what
     * they say now is new, sealed with the new key; what they said before stays under the old one.
     */
    private void forgetErasure(String customerRef) {
        entityManager.createNativeQuery("DELETE FROM erased_customer WHERE customer_ref = ?1")
                .setParameter(1, customerRef).executeUpdate();
    }

    /** Keys used in the current transaction, by customer reference; nothing is kept outside one. */
    @SuppressWarnings("unchecked")
    private Map<String, KeyForSealing> keysOfThisTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return new HashMap<>();
        }
        Map<String, KeyForSealing> keys = (Map<String, KeyForSealing>) transactions.getResource(DataKeys.class);
        if (keys == null) {
            keys = new HashMap<>();
            transactions.putResource(DataKeys.class, keys);
        }
        return keys;
    }

    private KeyForSealing liveKey(String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT key_id, wrapped_key FROM customer_key WHERE customer_ref = ?1 AND destroyed_at IS NULL")
                .setParameter(1, ref).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        UUID keyId = (UUID) rows.get(0)[0];
        byte[] wrapped = (byte[]) rows.get(0)[1];
        return new KeyForSealing(keyId, unwrapped.computeIfAbsent(keyId, id -> FieldCipher.unwrap(master(), id, wrapped)));
    }

    private SecretKey master() {
        if (master == null) {
            master = FieldCipher.masterKey(config.masterKey());
        }
        return master;
    }

    public record KeyForSealing(UUID keyId, SecretKey key) {
    }
}
