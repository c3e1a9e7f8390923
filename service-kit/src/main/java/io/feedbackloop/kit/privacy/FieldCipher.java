package io.feedbackloop.kit.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK, for two jobs: a personal field of an event sealed with its customer's
 * data key ({@code pii:v1:<key id>:<nonce and ciphertext, base64url>}), and a data key wrapped with
 * the master key. The key id is authenticated with each: a value cannot be moved under another
 * customer's key, nor a wrapped key under another id.
 */
public final class FieldCipher {

    public static final String PREFIX = "pii:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldCipher() {
    }

    public static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** The master key from its base64 form (PRIVACY_MASTER_KEY): exactly 32 bytes. */
    public static SecretKey masterKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("privacy.master-key (PRIVACY_MASTER_KEY) is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("privacy.master-key (PRIVACY_MASTER_KEY) must be 32 random bytes in base64 "
                    + "(openssl rand -base64 32), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static byte[] wrap(SecretKey master, UUID keyId, SecretKey dataKey) {
        return encrypt(master, aad(keyId), dataKey.getEncoded());
    }

    public static SecretKey unwrap(SecretKey master, UUID keyId, byte[] wrapped) {
        return new SecretKeySpec(decrypt(master, aad(keyId), wrapped), "AES");
    }

    public static String seal(UUID keyId, SecretKey dataKey, String plaintext) {
        byte[] sealed = encrypt(dataKey, aad(keyId), plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The id of the key a sealed value needs; an unreadable one is a poison event. */
    public static UUID keyIdOf(String sealed) {
        int end = sealed.indexOf(':', PREFIX.length());
        if (!isSealed(sealed) || end < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return UUID.fromString(sealed.substring(PREFIX.length(), end));
    }

    /** @throws IllegalArgumentException when the value was altered or sealed under another key */
    public static String open(UUID keyId, SecretKey dataKey, String sealed) {
        if (!keyId.equals(keyIdOf(sealed))) {
            throw new IllegalArgumentException("sealed under key " + keyIdOf(sealed) + ", not " + keyId);
        }
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(sealed.indexOf(':', PREFIX.length()) + 1));
        return new String(decrypt(dataKey, aad(keyId), bytes), StandardCharsets.UTF_8);
    }

    private static byte[] aad(UUID keyId) {
        return keyId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encrypt(SecretKey key, byte[] aad, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] aad, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed value altered or under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
