package dev.forecourt.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code rate} per
 * {@code periodNanos}; each request takes one. Refill is computed lazily from the time elapsed, so
 * an idle bucket costs nothing. Synchronized: one client's requests rarely contend, and the
 * critical section is a few arithmetic operations.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(long capacity, long rate, long periodNanos, long now) {
        if (capacity < 1 || rate < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("burst, rate and period must be at least 1");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) rate / periodNanos;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @param now {@link System#nanoTime()}
     * @return 0 when the request may pass, otherwise the nanoseconds until a token is available
     */
    synchronized long tryTake(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
