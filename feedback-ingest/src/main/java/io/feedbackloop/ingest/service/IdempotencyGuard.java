package io.feedbackloop.ingest.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
                .setParameter(4, newFeedbackId).setParameter(5, Instant.now()).executeUpdate();
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
