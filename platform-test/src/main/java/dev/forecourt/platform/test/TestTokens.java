package dev.forecourt.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Staff tokens for tests, shaped like hr-service's (RS256, {@code storeId}, {@code position},
 * {@code permissions}), signed by a key that a JWKS endpoint in this JVM publishes. Also the
 * hostile ones: tampered, unsigned ({@code alg:none}), signed by a stranger, of another store.
 */
public final class TestTokens {

    public static final String STORE_ID = "store-001";
    public static final String ISSUER = "forecourt-hr";

    private static final RSAKey KEY = rsaKey("test-key-1");
    private static final RSAKey STRANGER = rsaKey("stranger");
    private static String jwksUri;

    private TestTokens() {
    }

    /** A token for an employee holding exactly these permissions. */
    public static String staff(String username, String position, String... permissions) {
        return sign(KEY, claims(username, position, STORE_ID, List.of(permissions)).build());
    }

    /** A token for an employee of another store of the same dealer group. */
    public static String otherStore(String username, String position, String... permissions) {
        return sign(KEY, claims(username, position, "store-999", List.of(permissions)).build());
    }

    public static String expired(String username, String position, String... permissions) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(KEY, claims(username, position, STORE_ID, List.of(permissions))
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());
    }

    /** Properly signed, but with no {@code exp}: it would be good for ever, so it is refused. */
    public static String withoutExpiry(String username, String position, String... permissions) {
        return sign(KEY, claims(username, position, STORE_ID, List.of(permissions)).expirationTime(null).build());
    }

    public static String signedByStranger(String username, String position, String... permissions) {
        return sign(STRANGER, claims(username, position, STORE_ID, List.of(permissions)).build());
    }

    /** A valid token whose payload was edited afterwards (a permission added): the signature no longer matches. */
    public static String tampered(String username, String position, String... permissions) {
        String[] parts = staff(username, position, permissions).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"permissions\":[", "\"permissions\":[\"*:*\",");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** {@code alg: none}, no signature. */
    public static String unsigned(String username, String position, String... permissions) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims(username, position, STORE_ID, List.of(permissions)).build().toString());
        return header + "." + payload + ".";
    }

    public static synchronized String jwksUri() {
        if (jwksUri == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksUri;
    }

    private static JWTClaimsSet.Builder claims(String username, String position, String storeId, List<String> permissions) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("emp-" + username)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("storeId", storeId)
                .claim("position", position)
                .claim("permissions", permissions);
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

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static RSAKey rsaKey(String id) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(id).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
