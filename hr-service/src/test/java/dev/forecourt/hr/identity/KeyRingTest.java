package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Duration WINDOW = Duration.ofMinutes(16);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** RSA key generation is slow; the ring's rules only care about ids and times. */
    private static final SigningKey MATERIAL = SigningKey.generate(T0);

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

        assertThat(key.privateJwk().toPublicJWK()).isEqualTo(key.publicJwk());
        assertThat(key.publicJwk().isPrivate()).isFalse();
    }
}
