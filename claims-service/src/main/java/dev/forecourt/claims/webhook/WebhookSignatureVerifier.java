package dev.forecourt.claims.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks signatures: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} (several during a
 * key rotation at the sender); one match is enough. The key is the base64 part of the
 * {@code whsec_…} secret. The timestamp (seconds since the epoch) must lie within ±5 minutes of
 * now, so a captured request cannot be replayed later.
 *
 * <p>The receiver may hold several secrets, space-separated ({@code whsec_new whsec_old}), while the
 * OEM rotates its secret: a signature made with any of them is accepted, so the switch-over loses
 * no webhook; the old secret is dropped from the list once the OEM signs with the new one only.
 */
public final class WebhookSignatureVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";

    private final List<byte[]> keys;

    /**
     * @param secrets one secret or several separated by spaces, each {@code whsec_<base64>} (the prefix may be left out)
     * @throws IllegalArgumentException when none is given or one is not base64; the message names its position, never the secret
     */
    public WebhookSignatureVerifier(String secrets) {
        if (secrets == null || secrets.isBlank()) {
            throw new IllegalArgumentException("The OEM webhook secret is not configured");
        }
        List<byte[]> parsed = new ArrayList<>();
        String[] listed = secrets.trim().split("\\s+");
        for (int i = 0; i < listed.length; i++) {
            String secret = listed[i];
            String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("OEM webhook secret " + (i + 1) + " of " + listed.length
                        + " is not whsec_<base64>");
            }
            if (key.length == 0) {
                throw new IllegalArgumentException("OEM webhook secret " + (i + 1) + " of " + listed.length + " is empty");
            }
            parsed.add(key);
        }
        this.keys = List.copyOf(parsed);
    }

    /** How many secrets are accepted (more than one during a rotation). */
    public int secrets() {
        return keys.size();
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
        List<byte[]> expected = keys.stream().map(key -> hmac(key, id, timestamp.trim(), body)).toList();
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
            for (byte[] signature : expected) {
                if (MessageDigest.isEqual(signature, given)) {
                    return Result.VALID;
                }
            }
        }
        return Result.BAD_SIGNATURE;
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
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
