package dev.forecourt.hr.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * One RSA key pair of the key ring.
 *
 * @param kid          the JWK key id tokens name in their header
 * @param publicKey    X.509, Base64
 * @param privateKey   PKCS#8, Base64, encrypted by {@link KeyEncryption} ({@code aes-gcm:…}); plain only in rings stored
 *                     before keys were encrypted, until the next start encrypts them
 * @param supersededAt when a newer key took over signing; null for the key that signs now
 */
public record SigningKey(String kid, String publicKey, String privateKey, Instant createdAt, Instant supersededAt) {

    static SigningKey generate(Instant now, KeyEncryption encryption) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            String kid = "hr-" + now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8);
            return new SigningKey(kid, base64.encodeToString(pair.getPublic().getEncoded()),
                    encryption.encrypt(base64.encodeToString(pair.getPrivate().getEncoded()), kid), now, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    SigningKey supersede(Instant at) {
        return supersededAt != null ? this : new SigningKey(kid, publicKey, privateKey, createdAt, at);
    }

    boolean privateKeyIsEncrypted() {
        return KeyEncryption.isEncrypted(privateKey);
    }

    /** The same key with its private half encrypted (a key stored before keys were encrypted). */
    SigningKey encrypted(KeyEncryption encryption) {
        return privateKeyIsEncrypted() ? this : new SigningKey(kid, publicKey, encryption.encrypt(privateKey, kid), createdAt, supersededAt);
    }

    boolean signs() {
        return supersededAt == null;
    }

    /** The public half as a JWK, for the JWKS and for verifying. */
    RSAKey publicJwk() {
        return new RSAKey.Builder(rsaPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
    }

    RSAKey privateJwk(KeyEncryption encryption) {
        return new RSAKey.Builder(rsaPublic()).privateKey(rsaPrivate(encryption.decrypt(privateKey, kid))).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
    }

    private RSAPublicKey rsaPublic() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Unreadable public key " + kid, e);
        }
    }

    private RSAPrivateKey rsaPrivate(String pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Unreadable private key " + kid, e);
        }
    }
}
