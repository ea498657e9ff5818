package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Duration WINDOW = Duration.ofMinutes(16);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final KeyEncryption ENCRYPTION = new KeyEncryption("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    /** RSA key generation is slow; the ring's rules only care about ids and times. */
    private static final SigningKey MATERIAL = SigningKey.generate(T0, ENCRYPTION);

    private static SigningKey key(String kid, Instant createdAt) {
        return new SigningKey(kid, MATERIAL.publicKey(), MATERIAL.privateKey(), createdAt, null);
    }

    @Test
    void afterARotationTheNewKeySignsAndBothArePublishedUntilTheOldKeysTokensHaveExpired() {
        KeyRing ring = new KeyRing();
        SigningKey first = key("first", T0);
        ring.rotate(first, WINDOW);
        SigningKey second = key("second", T0.plus(Duration.ofDays(30)));
        ring.rotate(second, WINDOW);

        assertThat(ring.signer()).map(SigningKey::kid).contains(second.kid());
        assertThat(ring.published(second.createdAt().plusSeconds(60), WINDOW)).extracting(SigningKey::kid)
                .containsExactlyInAnyOrder(first.kid(), second.kid());
        assertThat(ring.published(second.createdAt().plus(WINDOW).plusSeconds(1), WINDOW)).extracting(SigningKey::kid)
                .containsExactly(second.kid());
    }

    @Test
    void keysNobodyCanStillPresentAreDroppedAtTheNextRotation() {
        KeyRing ring = new KeyRing();
        ring.rotate(key("first", T0), WINDOW);
        ring.rotate(key("second", T0.plus(Duration.ofDays(30))), WINDOW);
        ring.rotate(key("third", T0.plus(Duration.ofDays(60))), WINDOW);

        assertThat(ring.getKeys()).extracting(SigningKey::kid).containsExactly("second", "third");
    }

    @Test
    void aKeySurvivesTheRoundTripThroughItsStoredForm() {
        SigningKey key = MATERIAL;

        assertThat(key.privateJwk(ENCRYPTION).toPublicJWK()).isEqualTo(key.publicJwk());
        assertThat(key.publicJwk().isPrivate()).isFalse();
    }

    @Test
    void aPrivateKeyIsStoredEncryptedAndReadBack() throws Exception {
        String pkcs8 = ENCRYPTION.decrypt(MATERIAL.privateKey(), MATERIAL.kid());
        // (not "no MII anywhere": random ciphertext contains those three characters now and then)
        assertThat(MATERIAL.privateKey()).startsWith("aes-gcm:").doesNotContain(pkcs8.substring(0, 24)).doesNotContain(pkcs8.substring(pkcs8.length() / 2, pkcs8.length() / 2 + 24));

        assertThat(pkcs8).startsWith("MII");
        assertThat(MATERIAL.privateJwk(ENCRYPTION).toRSAPrivateKey().getEncoded())
                .isEqualTo(java.util.Base64.getDecoder().decode(pkcs8));
    }

    @Test
    void anEncryptedKeyCannotBeReadWithAnotherKeyOrUnderAnotherKid() {
        KeyEncryption other = new KeyEncryption("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");

        assertThatThrownBy(() -> other.decrypt(MATERIAL.privateKey(), MATERIAL.kid())).hasMessageContaining("another key-encryption key");
        assertThatThrownBy(() -> ENCRYPTION.decrypt(MATERIAL.privateKey(), "another-kid")).hasMessageContaining("cannot be decrypted");
        String tampered = MATERIAL.privateKey().substring(0, MATERIAL.privateKey().length() - 6) + "AAAAA=";
        assertThatThrownBy(() -> ENCRYPTION.decrypt(tampered, MATERIAL.kid())).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aRingStoredBeforeKeysWereEncryptedIsEncryptedAndStillSigns() {
        String pkcs8 = ENCRYPTION.decrypt(MATERIAL.privateKey(), MATERIAL.kid());
        KeyRing ring = new KeyRing();
        ring.rotate(new SigningKey("legacy", MATERIAL.publicKey(), pkcs8, T0, null), WINDOW);

        assertThat(ring.encryptPlainKeys(k -> k.encrypted(ENCRYPTION))).isTrue();

        SigningKey stored = ring.getKeys().get(0);
        assertThat(stored.privateKey()).startsWith("aes-gcm:").doesNotContain(pkcs8.substring(0, 40));
        assertThat(stored.privateJwk(ENCRYPTION).toPublicJWK()).isEqualTo(stored.publicJwk());
        assertThat(ring.encryptPlainKeys(k -> k.encrypted(ENCRYPTION))).as("nothing left in plain").isFalse();
    }
}
