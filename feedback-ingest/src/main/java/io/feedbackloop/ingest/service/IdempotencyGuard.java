package io.feedbackloop.ingest.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.feedbackloop.ingest.repository.IdempotencyRecord;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/**
 * Makes retries safe: the first request under a channel's idempotency key claims it (inside the
 * transaction that creates the feedback); a later request with the same key and the same body is
 * answered with that feedback, one with a different body is a conflict.
 */
@ApplicationScoped
public class IdempotencyGuard {

    private final ObjectMapper canonical;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    public IdempotencyGuard(ObjectMapper mapper) {
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Claims the key for {@code newFeedbackId}.
     *
     * @return empty if the key is new (go on and create the feedback), else the id of the
     *         feedback created by the first request
     * @throws ProblemException 409 if the key was used for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String channel, String key, Object request, UUID newFeedbackId) {
        String hash = hash(request);
        // ON CONFLICT waits for a concurrent first request to commit, so two racing retries
        // still produce one feedback
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO idempotency_record (channel, idempotency_key, request_hash, feedback_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, channel).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, newFeedbackId).setParameter(5, clock.instant()).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        IdempotencyRecord first = entityManager.createQuery(
                        "FROM IdempotencyRecord WHERE channel = ?1 AND idempotencyKey = ?2", IdempotencyRecord.class)
                .setParameter(1, channel).setParameter(2, key).getSingleResult();
        if (!first.requestHash.equals(hash)) {
            throw new ProblemException(Problem.of(409, "idempotency-conflict", "Conflict",
                    "idempotency key '" + key + "' was already used for a different request"));
        }
        return Optional.of(first.feedbackId);
    }

    /** One request of a batch claim: its channel, idempotency key, body, and the id it would create. */
    public record Claim(String channel, String key, Object request, UUID newFeedbackId) {
    }

    /** How a batch claim went for one request. */
    public enum Outcome { CLAIMED, DUPLICATE, CONFLICT }

    /**
     * Claims many keys with one multi-row INSERT (bulk imports): the answer lists, in order, whether
     * each request is new, a repeat of an earlier identical request, or a conflicting reuse of a key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        List<String> hashes = claims.stream().map(c -> hash(c.request())).toList();
        Instant now = clock.instant();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> inserted = new HashSet<>();
            StringBuilder insert = new StringBuilder("INSERT INTO idempotency_record "
                    + "(channel, idempotency_key, request_hash, feedback_id, created_at) VALUES ");
            for (int i = 0; i < claims.size(); i++) {
                insert.append(i == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)");
            }
            insert.append(" ON CONFLICT DO NOTHING RETURNING channel, idempotency_key");
            try (PreparedStatement statement = connection.prepareStatement(insert.toString())) {
                int p = 1;
                for (int i = 0; i < claims.size(); i++) {
                    Claim claim = claims.get(i);
                    statement.setString(p++, claim.channel());
                    statement.setString(p++, claim.key());
                    statement.setString(p++, hashes.get(i));
                    statement.setObject(p++, claim.newFeedbackId());
                    statement.setTimestamp(p++, Timestamp.from(now));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1) + "\u0000" + rows.getString(2));
                    }
                }
            }
            Map<String, String> firstHashes = firstHashes(connection, claims, inserted);
            List<Outcome> outcomes = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                String id = claims.get(i).channel() + "\u0000" + claims.get(i).key();
                if (inserted.remove(id)) {
                    firstHashes.put(id, hashes.get(i)); // a later twin in this batch compares with this one
                    outcomes.add(Outcome.CLAIMED);
                } else {
                    outcomes.add(hashes.get(i).equals(firstHashes.get(id)) ? Outcome.DUPLICATE : Outcome.CONFLICT);
                }
            }
            return outcomes;
        });
    }

    /** The stored request hashes of the keys that were already taken before this batch. */
    private static Map<String, String> firstHashes(Connection connection, List<Claim> claims, Set<String> inserted)
            throws SQLException {
        List<Claim> taken = claims.stream()
                .filter(c -> !inserted.contains(c.channel() + "\u0000" + c.key())).toList();
        Map<String, String> hashes = new HashMap<>();
        if (taken.isEmpty()) {
            return hashes;
        }
        StringBuilder select = new StringBuilder("SELECT channel, idempotency_key, request_hash FROM idempotency_record "
                + "WHERE (channel, idempotency_key) IN (");
        for (int i = 0; i < taken.size(); i++) {
            select.append(i == 0 ? "(?,?)" : ",(?,?)");
        }
        select.append(')');
        try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
            int p = 1;
            for (Claim claim : taken) {
                statement.setString(p++, claim.channel());
                statement.setString(p++, claim.key());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1) + "\u0000" + rows.getString(2), rows.getString(3));
                }
            }
        }
        return hashes;
    }

    String hash(Object request) {
        try {
            byte[] json = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    static String keyFor(String idempotencyKey, String externalId) {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return idempotencyKey.trim();
        }
        return externalId == null || externalId.isBlank() ? null : "external:" + externalId.trim();
    }
}
