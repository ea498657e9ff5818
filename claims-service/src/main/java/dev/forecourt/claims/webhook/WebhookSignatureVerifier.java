package dev.forecourt.claims.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks signatures: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} (several during a
 * key rotation at the sender); one match is enough. The key is the base64 part of the
 * {@code whsec_…} secret. The timestamp (seconds since the epoch) must lie within ±5 minutes of
 * now, so a captured request cannot be replayed later.
 */
public final class WebhookSignatureVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;

    public WebhookSignatureVerifier(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The OEM webhook secret is not configured");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        this.key = Base64.getDecoder().decode(encoded);
    }

    public enum Result {
        VALID,
        MISSING_HEADERS,
        TIMESTAMP_OUT_OF_TOLERANCE,
        BAD_SIGNATURE
    }

    public Result verify(String id, String timestamp, byte[] body, String signatures, Instant now) {
        if (blank(id) || blank(timestamp) || blank(signatures)) {
            return Result.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Result.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Result.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        byte[] expected = hmac(id, timestamp.trim(), body);
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // constant time: the comparison must not tell an attacker how many leading bytes were right
            if (MessageDigest.isEqual(expected, given)) {
                return Result.VALID;
            }
        }
        return Result.BAD_SIGNATURE;
    }

    private byte[] hmac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
