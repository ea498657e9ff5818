package dev.forecourt.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.forecourt.gateway.config.GatewayProperties;

/**
 * One token bucket per client, in memory (no Redis in the embedded stack; with several gateway
 * replicas each enforces the limit on its own share of traffic). Buckets of clients that went
 * quiet are evicted, so the map cannot grow without bound from many client addresses.
 */
public class ClientRateLimiter {

    private final Cache<String, TokenBucket> buckets;
    private final long burst;
    private final long perSecond;
    private final LongSupplier nanoClock;

    public ClientRateLimiter(GatewayProperties.RateLimit settings) {
        this(settings, System::nanoTime);
    }

    ClientRateLimiter(GatewayProperties.RateLimit settings, LongSupplier nanoClock) {
        this.burst = settings.burst();
        this.perSecond = settings.perSecond();
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.idleAfter().toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(200_000)
                .build();
    }

    /**
     * @return 0 when the client may proceed, otherwise the whole seconds it should wait (at least 1)
     */
    public long tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        long waitNanos = buckets.get(client, key -> new TokenBucket(burst, perSecond, now)).tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }
}
