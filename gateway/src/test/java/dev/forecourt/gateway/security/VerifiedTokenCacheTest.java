package dev.forecourt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final AtomicInteger fullChecks = new AtomicInteger();

    private final ReactiveJwtDecoder verifier = token -> {
        fullChecks.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("emp-1")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(120)).build());
    };

    @Test
    void aVerifiedTokenIsNotCheckedAgainWhileValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("emp-1");
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("emp-1");

        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aTokenThatExpiredSinceItWasVerifiedGoesThroughTheFullCheckAgain() {
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofHours(1), 100, clock);
        cache.decode("good-2").block();
        cache.decode("good-2").block();
        assertThat(fullChecks).hasValue(1);

        clock.now = NOW.plusSeconds(121);
        cache.decode("good-2").block();

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);

        assertThat(fullChecks).hasValue(2);
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
