package io.feedbackloop.kit.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.kit.messaging.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Opens the sealed personal fields of an incoming event with the keys this service knows. An
 * event sealed with a destroyed key is about an erased customer, wherever it comes from (a late
 * partition, a replay from offset 0, a dead letter sent back): it is reported, never opened.
 */
@ApplicationScoped
public class PersonalDataOpener {

    public enum Outcome { OPENED, ERASED }

    @Inject
    DataKeys keys;

    /** Opens the fields in place; an event without sealed fields costs no query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome open(JsonNode json) {
        return open(json, keys::lookup);
    }

    /**
     * An unknown key is waited for, never guessed: the key topic keeps the latest record of every
     * key for good (the key, or the marker that replaced it), so it always arrives, even for a
     * service reading everything from offset 0, and a returning customer's new key is not taken
     * for their old, destroyed one.
     *
     * @param lookup what this service knows of a key id
     * @throws KeyNotYetDeliveredException for a key not learnt yet (retried)
     * @throws PoisonEventException        for a sealed value altered on the way
     */
    public static Outcome open(JsonNode json, Function<UUID, DataKeys.Lookup> lookup) {
        List<String> sealed = PersonalFields.sealedValues(json);
        if (sealed.isEmpty()) {
            return Outcome.OPENED;
        }
        Map<UUID, SecretKey> live = new HashMap<>();
        for (String value : sealed) {
            UUID keyId = keyId(value);
            if (live.containsKey(keyId)) {
                continue;
            }
            DataKeys.Lookup found = lookup.apply(keyId);
            if (found instanceof DataKeys.Lookup.Destroyed) {
                return Outcome.ERASED;
            }
            if (found instanceof DataKeys.Lookup.Unknown) {
                throw new KeyNotYetDeliveredException("data key " + keyId + " not delivered yet");
            }
            live.put(keyId, ((DataKeys.Lookup.Live) found).key());
        }
        PersonalFields.openAll(json, value -> {
            UUID keyId = keyId(value);
            try {
                return FieldCipher.open(keyId, live.get(keyId), value);
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("a sealed field does not open with its key: altered on the way", e);
            }
        });
        return Outcome.OPENED;
    }

    private static UUID keyId(String sealed) {
        try {
            return FieldCipher.keyIdOf(sealed);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("a sealed field names no readable key id", e);
        }
    }
}
