package dev.forecourt.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.forecourt.gateway.config.GatewayProperties;

/**
 * One token bucket per client key, in memory: the gateway runs as one instance per store (several
 * instances would each count on their own; a shared limit would need Redis). Buckets of clients
 * that went quiet are evicted, so the map cannot grow without bound from many client addresses.
 */
public class ClientRateLimiter {

    private final Cache<String, TokenBucket> buckets;
    private final GatewayProperties.Bucket settings;
    private final LongSupplier nanoClock;

    public ClientRateLimiter(GatewayProperties.Bucket settings, Duration idleAfter) {
        this(settings, idleAfter, System::nanoTime);
    }

    ClientRateLimiter(GatewayProperties.Bucket settings, Duration idleAfter, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Math.max(idleAfter.toNanos(), settings.per().toNanos()), TimeUnit.NANOSECONDS)
                .maximumSize(200_000)
                .build();
    }

    /**
     * @return 0 when the client may proceed, otherwise the whole seconds it should wait (at least 1)
     */
    public long tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        long waitNanos = buckets.get(client, key -> new TokenBucket(settings.burst(), settings.rate(), settings.per().toNanos(), now))
                .tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }
}
