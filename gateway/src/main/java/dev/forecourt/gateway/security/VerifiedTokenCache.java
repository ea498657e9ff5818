package dev.forecourt.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import dev.forecourt.gateway.departures.DepartedStaff;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed verification, so a staff member's tenth request of the second
 * costs a map lookup instead of an RSA signature check (the gateway's p99 is measured against
 * direct calls). Keyed by the exact token string: the same bytes always verify the same way.
 * An entry is used only while the token has not expired, and for at most {@code maxAge}, so a key
 * withdrawn from the JWKS stops working here within that time (services verify every token again).
 * Failures are not cached: a token is refused each time by the full check. A token of someone
 * who has left the store ({@link DepartedStaff}) is refused, cached or not.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;
    private final DepartedStaff departed;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration maxAge, long maxTokens, Clock clock, DepartedStaff departed) {
        this.delegate = delegate;
        this.clock = clock;
        this.departed = departed;
        this.verified = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxTokens).build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (stillValid(known)) {
                return departed.refuses(known) ? Mono.error(left()) : Mono.just(known);
            }
            verified.invalidate(token);
        }
        return delegate.decode(token).flatMap(jwt -> {
            if (departed.refuses(jwt)) {
                return Mono.error(left());
            }
            verified.put(token, jwt);
            return Mono.just(jwt);
        });
    }

    private static BadJwtException left() {
        return new BadJwtException("The token's holder has left the store");
    }

    /** Expiry only: the other claims cannot change for the same token string. */
    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
