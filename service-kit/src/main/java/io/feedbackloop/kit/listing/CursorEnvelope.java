package io.feedbackloop.kit.listing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque wrapping every list cursor shares: base64url of its content and a checksum over it,
 * so that a garbled or edited cursor is recognised before its content is read. The checksum is not
 * a signature: a cursor only says where a list the caller may read continues.
 */
public final class CursorEnvelope {

    private static final int CHECKSUM_BYTES = 6;

    private CursorEnvelope() {
    }

    public static String seal(String content) {
        String raw = content + ":" + checksum(content);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content {@link #seal} wrapped.
     *
     * @throws IllegalArgumentException longer than {@code maxLength}, not base64url, or changed since sealed
     */
    public static String open(String cursor, int maxLength) {
        if (cursor.length() > maxLength) {
            throw new IllegalArgumentException("too long");
        }
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int lastColon = raw.lastIndexOf(':');
        if (lastColon < 0 || !checksum(raw.substring(0, lastColon)).equals(raw.substring(lastColon + 1))) {
            throw new IllegalArgumentException("changed since it was written");
        }
        return raw.substring(0, lastColon);
    }

    private static String checksum(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
