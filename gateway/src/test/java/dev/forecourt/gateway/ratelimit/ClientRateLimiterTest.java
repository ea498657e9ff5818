package dev.forecourt.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.forecourt.gateway.config.GatewayProperties;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ClientRateLimiter limiter = new ClientRateLimiter(
            new GatewayProperties.Bucket(3, 2, Duration.ofSeconds(1)), Duration.ofMinutes(10), nanos::get);

    @Test
    void aClientMaySpendItsBurstAtOnceAndIsThenToldHowLongToWait() {
        assertThat(limiter.tryAcquire("sub:a")).isZero();
        assertThat(limiter.tryAcquire("sub:a")).isZero();
        assertThat(limiter.tryAcquire("sub:a")).isZero();

        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("sub:b");
        }
        nanos.addAndGet(Duration.ofMillis(500).toNanos()); // 2 per second: one token back

        assertThat(limiter.tryAcquire("sub:b")).isZero();
        assertThat(limiter.tryAcquire("sub:b")).isPositive();
    }

    @Test
    void anIdleClientGetsAtMostAFullBurstBack() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("sub:c");
        }
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("sub:c")).isZero();
        }
        assertThat(limiter.tryAcquire("sub:c")).isPositive();
    }

    @Test
    void clientsHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("sub:d");
        }

        assertThat(limiter.tryAcquire("sub:d")).isPositive();
        assertThat(limiter.tryAcquire("ip:10.0.0.7")).isZero();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        ClientRateLimiter slow = new ClientRateLimiter(new GatewayProperties.Bucket(1, 1, Duration.ofSeconds(1)), Duration.ofMinutes(1), nanos::get);
        slow.tryAcquire("sub:e");
        nanos.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(slow.tryAcquire("sub:e")).isEqualTo(1); // 0.9 s to wait
    }

    @Test
    void aRatePerMinuteGivesATokenBackEveryFewSeconds() {
        ClientRateLimiter signIn = new ClientRateLimiter(new GatewayProperties.Bucket(10, 10, Duration.ofMinutes(1)), Duration.ofMinutes(10), nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn.tryAcquire("10.0.0.8")).isZero();
        }

        assertThat(signIn.tryAcquire("10.0.0.8")).isEqualTo(6);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(signIn.tryAcquire("10.0.0.8")).isZero();
        assertThat(signIn.tryAcquire("10.0.0.8")).isPositive();
    }

    @Test
    void everySpellingOfTheSignInPathCountsAsSignIn() {
        assertThat(AddressRateLimitFilter.isSignIn("/api/v1/auth/token")).isTrue();
        assertThat(AddressRateLimitFilter.isSignIn("//api/v1/auth//token/")).isTrue();
        assertThat(AddressRateLimitFilter.isSignIn("/API/v1/Auth/Token")).isTrue();
        assertThat(AddressRateLimitFilter.isSignIn("/api/v1/auth/refresh")).isFalse();
        assertThat(AddressRateLimitFilter.isSignIn("/api/v1/parts")).isFalse();
    }
}
