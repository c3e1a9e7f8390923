package io.feedbackloop.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.messaging.PoisonEventException;
import org.junit.jupiter.api.Test;

/** Sealing a producer's personal fields by path, and opening them at a consumer, or not. */
class PersonalDataOpenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONAL = List.of("/customer/email", "/customer/phone", "/customer/name", "/text",
            "/themes/*/matched/*", "/metadata/*");

    private final UUID keyId = UUID.randomUUID();
    private final SecretKey key = FieldCipher.newDataKey();

    @Test
    void exactlyThePersonalTextIsSealedAndOpensBackToTheSameEvent() throws Exception {
        JsonNode original = event();
        JsonNode json = original.deepCopy();

        int sealed = PersonalFields.replaceAt(json, PERSONAL, text -> FieldCipher.seal(keyId, key, text));

        assertEquals(7, sealed, json.toString());
        String onTheWire = json.toString();
        for (String personal : List.of("olga@example.com", "Ольга", "+79991234567", "курьер", "Курьер", "order 42")) {
            assertFalse(onTheWire.contains(personal), personal + " in " + onTheWire);
        }
        for (String kept : List.of("\"id\":\"c-42\"", "\"npsScore\":2", "\"theme\":\"delivery\"", "\"phone\":null")) {
            assertTrue(onTheWire.contains(kept), kept + " in " + onTheWire);
        }
        assertEquals(PersonalDataOpener.Outcome.OPENED,
                PersonalDataOpener.open(json, Map.of(keyId, (DataKeys.Lookup) new DataKeys.Lookup.Live(key))::get));
        assertEquals(original, json);
    }

    @Test
    void anEventSealedWithADestroyedKeyIsAboutAnErasedCustomerAndStaysSealed() throws Exception {
        JsonNode json = sealedEvent();
        String before = json.toString();

        assertEquals(PersonalDataOpener.Outcome.ERASED,
                PersonalDataOpener.open(json, id -> new DataKeys.Lookup.Destroyed()));
        assertEquals(before, json.toString());
    }

    @Test
    void anUnknownKeyIsWaitedForNeverGuessed() throws Exception {
        Function<UUID, DataKeys.Lookup> unknown = id -> new DataKeys.Lookup.Unknown();
        JsonNode json = sealedEvent();
        String before = json.toString();

        assertThrows(KeyNotYetDeliveredException.class, () -> PersonalDataOpener.open(json, unknown));
        assertEquals(before, json.toString());
        assertTrue(io.feedbackloop.kit.messaging.TransientFailures.isTransient(new KeyNotYetDeliveredException("x")),
                "retried until the key topic catches up, not dead-lettered");
    }

    @Test
    void aSealedValueAlteredOnTheWayIsPoison() throws Exception {
        JsonNode json = sealedEvent();
        String text = json.get("text").textValue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("text", text.substring(0, text.length() - 3) + "xyz");

        assertThrows(PoisonEventException.class, () -> PersonalDataOpener.open(json,
                id -> new DataKeys.Lookup.Live(key)));
    }

    @Test
    void anEventWithNothingSealedAsksNoKeyAtAll() throws Exception {
        assertEquals(PersonalDataOpener.Outcome.OPENED, PersonalDataOpener.open(event(), id -> {
            throw new AssertionError("no lookup for a plain event");
        }));
    }

    private JsonNode sealedEvent() throws Exception {
        JsonNode json = event();
        PersonalFields.replaceAt(json, PERSONAL, text -> FieldCipher.seal(keyId, key, text));
        return json;
    }

    private static JsonNode event() throws Exception {
        return JSON.readTree("""
                {"feedbackId":"f-1","customer":{"id":"c-42","email":"olga@example.com","phone":null,"name":"Ольга"},
                 "npsScore":2,"text":"Курьер не приехал, order 42",
                 "themes":[{"theme":"delivery","matched":["курьер","Курьер"]},{"theme":"other","matched":[]}],
                 "metadata":{"orderRef":"order 42","agentPhone":"+79991234567"}}""");
    }
}
