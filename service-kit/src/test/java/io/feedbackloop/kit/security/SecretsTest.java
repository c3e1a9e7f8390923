package io.feedbackloop.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aNewSecretCarriesItsPrefixAnd192RandomBitsInUrlSafeCharacters() {
        String secret = Secrets.newSecret("fbk_");

        assertTrue(secret.matches("fbk_[A-Za-z0-9_-]{32}"), secret);
        assertNotEquals(secret, Secrets.newSecret("fbk_"));
    }

    @Test
    void theStoredHashIsTheSha256OfTheSecretInHex() {
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Secrets.hash("test"));
    }

    @Test
    void onlyTheSameSecretMatchesAndNothingMatchesAMissingOne() {
        String hash = Secrets.hash("fbk_abc");

        assertTrue(Secrets.same(hash, Secrets.hash("fbk_abc")));
        assertFalse(Secrets.same(hash, Secrets.hash("fbk_abd")));
        assertFalse(Secrets.same(hash, null));
        assertFalse(Secrets.same(null, hash));
        assertFalse(Secrets.same(null, null));
    }
}
