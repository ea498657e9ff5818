package dev.forecourt.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed verification, so a staff member's tenth request of the second
 * costs a map lookup instead of an RSA signature check (the gateway's p99 is measured against
 * direct calls). Keyed by the exact token string: the same bytes always verify the same way.
 * An entry is used only while the token has not expired, and for at most {@code maxAge}, so a key
 * withdrawn from the JWKS stops working here within that time (services verify every token again).
 * Failures are not cached: a token is refused each time by the full check.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration maxAge, long maxTokens, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxTokens).build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (stillValid(known)) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    /** Expiry only: the other claims cannot change for the same token string. */
    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
