package io.feedbackloop.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private final Pseudonyms pseudonyms = new Pseudonyms("a-secret-of-the-deployment-0123456789");

    @Test
    void aPseudonymIsStableSoAnErasedCustomersRowsStillAddUp() {
        assertEquals(pseudonyms.customerRef("c-42"), pseudonyms.customerRef("c-42"));
        assertEquals(pseudonyms.customerRef("c-42"),
                new Pseudonyms("a-secret-of-the-deployment-0123456789").customerRef("c-42"), "every service finds the same");
    }

    @Test
    void aPseudonymTellsCustomersApartWithoutShowingWhoTheyWere() {
        String pseudonym = pseudonyms.customerRef("alice@example.com");

        assertNotEquals(pseudonym, pseudonyms.customerRef("bob@example.com"));
        assertTrue(pseudonym.matches("erased-[0-9a-f]{32}"), pseudonym);
        assertFalse(pseudonym.contains("alice"));
    }

    @Test
    void enumeratingCustomerIdsWithoutTheSecretRecoversNobody() throws Exception {
        Map<String, String> byPseudonym = new HashMap<>();
        for (int i = 1; i <= 20_000; i++) {
            byPseudonym.put(pseudonyms.customerRef("c-" + i), "c-" + i);
        }
        // an attacker holds the pseudonyms and knows the id scheme, but not the secret: they try the
        // old unkeyed pseudonym (a SHA-256 prefix), a full SHA-256, and HMACs under guessed secrets
        Pseudonyms guessed = new Pseudonyms("changeme-changeme-changeme");
        int recovered = 0;
        for (int i = 1; i <= 20_000; i++) {
            String id = "c-" + i;
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            for (String candidate : new String[] {"erased-" + HexFormat.of().formatHex(sha, 0, 8),
                    "erased-" + HexFormat.of().formatHex(sha, 0, 16), guessed.customerRef(id)}) {
                if (byPseudonym.containsKey(candidate)) {
                    recovered++;
                }
            }
        }
        assertEquals(0, recovered);
        assertEquals("c-1042", byPseudonym.get(pseudonyms.customerRef("c-1042")), "with the secret it is found");
    }

    @Test
    void anAddressHashIgnoresCaseAndSpacesButNothingElse() {
        assertEquals(pseudonyms.addressHash("anna@example.com"), pseudonyms.addressHash(" Anna@Example.COM "));
        assertNotEquals(pseudonyms.addressHash("anna@example.com"), pseudonyms.addressHash("anna@example.org"));
        assertNotEquals(pseudonyms.addressHash("c-42"), pseudonyms.customerRef("c-42").substring(7),
                "an address and a customer id never share a hash");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Pseudonyms("secret"));
    }
}
