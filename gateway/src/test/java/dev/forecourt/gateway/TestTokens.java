package dev.forecourt.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Staff tokens as hr-service issues them (RS256, issuer forecourt-hr, storeId, permissions),
 * and the broken variants the gateway must refuse. Signed with nimbus directly: platform-test
 * would drag the servlet platform in.
 */
public final class TestTokens {

    public static final String STORE = "store-test";
    private static final RSAKey KEY = generate("hr-key-1");
    /** A key hr-service never published, with the same key id: a forgery attempt. */
    private static final RSAKey FORGER = generate("hr-key-1");

    private TestTokens() {
    }

    public static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** A valid token for a fresh subject, so rate limits of one test do not touch another. */
    public static String valid() {
        return valid("emp-" + UUID.randomUUID());
    }

    public static String valid(String subject) {
        return sign(KEY, claims(subject, STORE, "forecourt-hr", Instant.now().plusSeconds(600)));
    }

    /** A general manager's token: carries {@code operations:read}. */
    public static String operations() {
        JWTClaimsSet base = claims("emp-gm-" + UUID.randomUUID(), STORE, "forecourt-hr", Instant.now().plusSeconds(600));
        return sign(KEY, new JWTClaimsSet.Builder(base).claim("permissions", List.of("operations:read", "employees:read")).build());
    }

    public static String expired() {
        return sign(KEY, claims("emp-expired", STORE, "forecourt-hr", Instant.now().minusSeconds(600)));
    }

    public static String otherStore() {
        return sign(KEY, claims("emp-other", "store-999", "forecourt-hr", Instant.now().plusSeconds(600)));
    }

    public static String otherIssuer() {
        return sign(KEY, claims("emp-issuer", STORE, "someone-else", Instant.now().plusSeconds(600)));
    }

    public static String forged() {
        return sign(FORGER, claims("emp-forged", STORE, "forecourt-hr", Instant.now().plusSeconds(600)));
    }

    /** A genuine token whose payload was edited afterwards (more permissions); the signature no longer matches. */
    public static String tampered() {
        String[] parts = valid("emp-tampered").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"parts:read\"", "\"parts:read\",\"roles:write\"");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    /** {@code alg: none}: the classic bypass attempt. */
    public static String algNone() {
        String payload = claims("emp-none", STORE, "forecourt-hr", Instant.now().plusSeconds(600)).toString();
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";
    }

    /** Claims to be RS256 but carries no signature. */
    public static String unsigned() {
        String payload = claims("emp-unsigned", STORE, "forecourt-hr", Instant.now().plusSeconds(600)).toString();
        return b64("{\"alg\":\"RS256\",\"kid\":\"hr-key-1\"}") + "." + b64(payload) + ".";
    }

    private static JWTClaimsSet claims(String subject, String store, String issuer, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .claim("preferred_username", "advisor")
                .claim("name", "Test Advisor")
                .claim("storeId", store)
                .claim("position", "service-advisor")
                .claim("permissions", List.of("parts:read", "repair-orders:open"))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
