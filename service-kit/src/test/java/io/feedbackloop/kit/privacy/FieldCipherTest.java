package io.feedbackloop.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final UUID keyId = UUID.randomUUID();
    private final SecretKey key = FieldCipher.newDataKey();

    @Test
    void aSealedFieldOpensWithItsKeyAndShowsNothingOfTheText() {
        String sealed = FieldCipher.seal(keyId, key, "Ольга, olga@example.com: курьер не приехал");

        assertTrue(sealed.startsWith("pii:v1:" + keyId + ":"), sealed);
        assertFalse(sealed.contains("olga"), sealed);
        assertEquals(keyId, FieldCipher.keyIdOf(sealed));
        assertEquals("Ольга, olga@example.com: курьер не приехал", FieldCipher.open(keyId, key, sealed));
        assertNotEquals(sealed, FieldCipher.seal(keyId, key, "Ольга, olga@example.com: курьер не приехал"),
                "a fresh nonce each time: equal texts do not show as equal");
    }

    @Test
    void anotherKeyOrAnAlteredValueOpensNothing() {
        String sealed = FieldCipher.seal(keyId, key, "olga@example.com");

        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(keyId, FieldCipher.newDataKey(), sealed));
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(keyId, key, altered));
        String moved = sealed.replace(keyId.toString(), UUID.randomUUID().toString());
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.open(FieldCipher.keyIdOf(moved), key, moved),
                "the key id is authenticated: a value cannot be moved under another id");
    }

    @Test
    void aWrappedKeyUnwrapsOnlyWithTheMasterKeyAndUnderItsOwnId() {
        SecretKey master = FieldCipher.masterKey(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] wrapped = FieldCipher.wrap(master, keyId, key);

        assertEquals(key, FieldCipher.unwrap(master, keyId, wrapped));
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.unwrap(master, UUID.randomUUID(), wrapped));
        SecretKey otherMaster = FieldCipher.masterKey(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32}));
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.unwrap(otherMaster, keyId, wrapped));
    }

    @Test
    void aMasterKeyThatIsNot32BytesOfBase64IsRefusedNamingTheSetting() {
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> FieldCipher.masterKey(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(tooShort.getMessage().contains("PRIVACY_MASTER_KEY"), tooShort.getMessage());
        assertThrows(IllegalStateException.class, () -> FieldCipher.masterKey("not base64 at all!"));
    }
}
