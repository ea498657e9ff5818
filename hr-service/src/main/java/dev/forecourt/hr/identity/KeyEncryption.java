package dev.forecourt.hr.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;

/**
 * Encrypts the signing keys' private halves at rest with AES-256-GCM under a key-encryption key
 * (KEK) from the environment ({@code FORECOURT_HR_KEY_ENCRYPTION_KEY}, Base64 of 32 random bytes).
 * The key id is the associated data, so a ciphertext cannot be moved to another key. A stored
 * value reads {@code aes-gcm:<kek fingerprint>:<Base64 of nonce ‖ ciphertext ‖ tag>}; a value
 * without that prefix is a private key stored before encryption, read as it is and re-encrypted
 * at start-up.
 *
 * <p>Without the variable hr-service uses the development KEK of its configuration and says so
 * loudly at start; with {@code forecourt.hr.identity.require-key-encryption-key=true} it refuses
 * to start instead (production).
 */
@Component
class KeyEncryption {

    static final String PREFIX = "aes-gcm:";
    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;
    private final String fingerprint;

    @Autowired
    KeyEncryption(HrProperties properties) {
        HrProperties.Identity identity = properties.identity();
        String configured = identity.keyEncryptionKey();
        if (configured == null || configured.isBlank()) {
            if (identity.requireKeyEncryptionKey()) {
                throw new IllegalStateException("FORECOURT_HR_KEY_ENCRYPTION_KEY is not set: hr-service will not store signing keys "
                        + "under the development key-encryption key (set it to the Base64 of 32 random bytes, e.g. openssl rand -base64 32)");
            }
            log.warn("DEVELOPMENT key-encryption key in use for hr's signing keys: set FORECOURT_HR_KEY_ENCRYPTION_KEY "
                    + "(Base64 of 32 random bytes) outside a development stack");
            configured = identity.devKeyEncryptionKey();
        }
        this.kek = new SecretKeySpec(decodeKek(configured), "AES");
        this.fingerprint = fingerprintOf(kek.getEncoded());
    }

    /** Under this KEK (Base64 of 32 bytes), e.g. in a test. */
    KeyEncryption(String base64Kek) {
        this.kek = new SecretKeySpec(decodeKek(base64Kek), "AES");
        this.fingerprint = fingerprintOf(kek.getEncoded());
    }

    String encrypt(String plaintext, String kid) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return PREFIX + fingerprint + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the private key of " + kid, e);
        }
    }

    String decrypt(String stored, String kid) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        if (!parts[0].equals(fingerprint)) {
            throw new IllegalStateException("The private key of " + kid + " was encrypted under another key-encryption key ("
                    + parts[0] + ", this instance has " + fingerprint + "): set FORECOURT_HR_KEY_ENCRYPTION_KEY to the key it was stored with");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The private key of " + kid + " cannot be decrypted (tampered with, or another key)", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] decodeKek(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FORECOURT_HR_KEY_ENCRYPTION_KEY must be Base64 (of 32 random bytes)", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("FORECOURT_HR_KEY_ENCRYPTION_KEY must be 32 bytes (AES-256), Base64-encoded; it has " + key.length);
        }
        return key;
    }

    private static String fingerprintOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
