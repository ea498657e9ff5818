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

import dev.forecourt.gateway.departures.DepartedStaff;

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
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, Clock.fixed(NOW, ZoneOffset.UTC), nobodyLeft());

        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("emp-1");
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("emp-1");

        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aTokenThatExpiredSinceItWasVerifiedGoesThroughTheFullCheckAgain() {
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofHours(1), 100, clock, nobodyLeft());
        cache.decode("good-2").block();
        cache.decode("good-2").block();
        assertThat(fullChecks).hasValue(1);

        clock.now = NOW.plusSeconds(121);
        cache.decode("good-2").block();

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, Clock.fixed(NOW, ZoneOffset.UTC), nobodyLeft());

        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aDepartedEmployeesVerifiedTokenIsRefusedFromTheMomentTheyLeave() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DepartedStaff departed = new DepartedStaff(Duration.ofMinutes(15), clock);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, clock, departed);
        assertThat(cache.decode("good-3").block().getSubject()).isEqualTo("emp-1");

        departed.left("emp-1", NOW.minusSeconds(5));

        assertThatThrownBy(() -> cache.decode("good-3").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("good-4").block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aDepartureOlderThanTheLongestTokenLifeIsForgotten() {
        MovableClock clock = new MovableClock(NOW);
        DepartedStaff departed = new DepartedStaff(Duration.ofMinutes(15), clock);
        departed.left("emp-1", NOW.minusSeconds(5));
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100, clock, departed);
        assertThatThrownBy(() -> cache.decode("good-5").block()).isInstanceOf(BadJwtException.class);

        clock.now = NOW.plus(Duration.ofMinutes(17));
        departed.purge();

        // (the verifier's token is issued a minute before now, i.e. after the departure: a re-hire)
        assertThat(departed.refuses(Jwt.withTokenValue("t").header("alg", "RS256").subject("emp-1")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(120)).build())).isFalse();
    }

    private static DepartedStaff nobodyLeft() {
        return new DepartedStaff(Duration.ofMinutes(15), Clock.systemUTC());
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
