package io.feedbackloop.bench;

import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.privacy.FieldCipher;
import io.feedbackloop.kit.privacy.PersonalFields;

/**
 * What crypto-shredding costs per event, on the kit's own sealing code: a typical
 * {@code feedback.received.v1} parsed, its personal fields sealed and written (as the outbox does),
 * then parsed, opened and read (as a consumer does). Measured with the services stopped.
 */
final class SealingCost {

    /**
     * ingest seals; categorize opens and seals; action opens and seals; the notifier opens (the
     * contact event, three short fields, is counted as part of these).
     */
    static final int HOPS = 6;

    private static final List<String> PERSONAL = List.of("/text", "/metadata/*");
    private static final String EVENT = """
            {"feedbackId":"0b6f1c8e-4d4a-4c36-9a43-0c9d1f1e2a11","receivedAt":"2026-11-23T09:00:00Z",
             "channel":"web","customer":{"id":"c-1042","segment":"consumer","locale":"ru"},"npsScore":3,
             "text":"Курьер опоздал на два дня, а поддержка так и не ответила на письмо. Заказ 77812, верните деньги за доставку.",
             "language":"ru","touchpoint":"delivery","metadata":{"orderRef":"77812","browser":"firefox"}}""";

    record Figures(int fields, double sealMicros, double openMicros) {
        double perFeedbackMicros() {
            return HOPS / 2.0 * (sealMicros + openMicros);
        }
    }

    private SealingCost() {
    }

    /** The figure alone, without the loop: {@code java -cp … io.feedbackloop.bench.SealingCost}. */
    public static void main(String[] args) throws Exception {
        Figures figures = measure();
        System.out.printf("sealing %d personal fields: %.1f us, opening them: %.1f us; %d hops per feedback: %.0f us%n",
                figures.fields(), figures.sealMicros(), figures.openMicros(), HOPS, figures.perFeedbackMicros());
    }

    static Figures measure() throws Exception {
        ObjectMapper json = new ObjectMapper();
        UUID keyId = UUID.randomUUID();
        SecretKey key = FieldCipher.newDataKey();
        int fields = PersonalFields.replaceAt(json.readTree(EVENT), PERSONAL, text -> text);
        String sealed = seal(json, keyId, key);
        for (int i = 0; i < 20_000; i++) {   // compiled before it is timed
            open(json, keyId, key, seal(json, keyId, key));
            open(json, null, null, seal(json, null, null));
        }
        int rounds = 100_000;
        // what the outbox and the consumer pay anyway (parse and write the JSON) is not the cost of sealing
        double sealMicros = micros(rounds, () -> seal(json, keyId, key)) - micros(rounds, () -> seal(json, null, null));
        String event = sealed;
        double openMicros = micros(rounds, () -> open(json, keyId, key, event)) - micros(rounds, () -> open(json, null, null, EVENT));
        return new Figures(fields, sealMicros, openMicros);
    }

    private interface Work {
        String run() throws Exception;
    }

    private static double micros(int rounds, Work work) throws Exception {
        long started = System.nanoTime();
        int length = 0;
        for (int i = 0; i < rounds; i++) {
            length += work.run().length();
        }
        if (length == 0) {
            throw new IllegalStateException("nothing done");
        }
        return (System.nanoTime() - started) / 1e3 / rounds;
    }

    /** With no key: only the JSON work every event costs anyway. */
    private static String seal(ObjectMapper json, UUID keyId, SecretKey key) throws Exception {
        JsonNode event = json.readTree(EVENT);
        if (key != null) {
            PersonalFields.replaceAt(event, PERSONAL, text -> FieldCipher.seal(keyId, key, text));
        }
        return json.writeValueAsString(event);
    }

    private static String open(ObjectMapper json, UUID keyId, SecretKey key, String sealed) throws Exception {
        JsonNode event = json.readTree(sealed);
        if (key != null) {
            PersonalFields.openAll(event, value -> FieldCipher.open(keyId, key, value));
        }
        return event.path("text").asText();
    }
}
