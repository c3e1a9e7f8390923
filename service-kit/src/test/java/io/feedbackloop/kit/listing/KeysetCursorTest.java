package io.feedbackloop.kit.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeysetCursorTest {

    private static final UUID ID = UUID.fromString("0b6f4f8e-2f7c-4d9a-8d4e-3f1f0a2b9c77");

    @Test
    void aCursorComesBackAsTheSamePosition() {
        for (Instant sortKey : new Instant[] {Instant.parse("2026-11-23T09:00:00.123456789Z"), Instant.EPOCH,
                Instant.parse("1969-07-20T20:17:40Z"), null}) {
            KeysetCursor cursor = new KeysetCursor(sortKey, ID);

            assertEquals(cursor, KeysetCursor.decode(cursor.encode()));
        }
    }

    @Test
    void aCursorIsOpaqueAndSafeInAQueryString() {
        String encoded = new KeysetCursor(Instant.parse("2026-11-23T09:00:00Z"), ID).encode();

        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertTrue(!encoded.contains(ID.toString()), "the id is not readable in it");
    }

    @Test
    void everyChangedCharacterIsNoticed() {
        String valid = new KeysetCursor(Instant.parse("2026-11-23T09:00:00.5Z"), ID).encode();
        for (int i = 0; i < valid.length(); i++) {
            for (char replacement : new char[] {'A', 'f', '0', '-'}) {
                if (valid.charAt(i) != replacement) {
                    String tampered = valid.substring(0, i) + replacement + valid.substring(i + 1);
                    assertThrows(ProblemException.class, () -> KeysetCursor.decode(tampered), tampered);
                }
            }
        }
    }

    /** Garbage, and contents with a correct checksum that encode() would never write. */
    static Stream<String> notCursors() {
        String valid = new KeysetCursor(Instant.parse("2026-11-23T09:00:00Z"), ID).encode();
        return Stream.of(
                "", "garbage!", "garbage", "%00", valid + "=", valid.substring(0, valid.length() - 3),
                valid + valid, "x".repeat(10_000), plain("k1:1795424400.0:" + ID),
                plain("k1:1795424400.0:" + ID + ":000000000000"),
                encode("k1:1795424400.0:" + ID + ":more"),
                encode("k2:1795424400.0:" + ID),
                encode("k1:1795424400:" + ID),
                encode("k1:+1795424400.0:" + ID),
                encode("k1:1795424400.01:" + ID),
                encode("k1:1795424400.1000000000:" + ID),
                encode("k1:99999999999999999999.0:" + ID),
                encode("k1:1795424400.0:" + ID.toString().toUpperCase()),
                encode("k1:1795424400.0:1-2-3-4-5"),
                encode("k1:-:" + ID),
                encode("k1:1795424400.0:"),
                encode("k1:1795424400.0:" + ID + "\u0000"));
    }

    @ParameterizedTest
    @MethodSource("notCursors")
    void anythingElseIsABadRequestNamingTheCursor(String notACursor) {
        ProblemException refused = assertThrows(ProblemException.class, () -> KeysetCursor.decode(notACursor));

        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.violations().get(0).field());
        assertEquals("cursor", problem.violations().get(0).rule());
    }

    @Test
    void aMissingCursorIsABadRequestTooWhenAskedToDecodeIt() {
        assertEquals(400, assertThrows(ProblemException.class, () -> KeysetCursor.decode(null)).problem().status());
    }

    @Test
    void aPositionNeedsAnId() {
        assertThrows(NullPointerException.class, () -> new KeysetCursor(Instant.EPOCH, null));
    }

    private static String plain(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String content) {
        return KeysetCursor.withChecksum(content);
    }
}
