package dev.forecourt.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.forecourt.gateway.config.GatewayProperties;
import dev.forecourt.gateway.web.Problems;

import reactor.core.publisher.Mono;

/**
 * Limits the routed requests of each staff member by the token's subject (so one person's runaway
 * script cannot take the store's share, while a whole office behind one address is limited only by
 * {@link AddressRateLimitFilter}'s more generous bucket). Anonymous calls have no subject here: the
 * address limit covers them. Runs after security, before the route's breaker.
 */
@Component
@ConditionalOnBooleanProperty(name = "forecourt.rate-limit.enabled", matchIfMissing = true)
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final ClientRateLimiter perUser;

    public RateLimitFilter(GatewayProperties properties) {
        this.perUser = new ClientRateLimiter(properties.rateLimit().perUser(), properties.rateLimit().idleAfter());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .flatMap(principal -> {
                    long retryAfter = perUser.tryAcquire(principal.getName());
                    return retryAfter == 0 ? chain.filter(exchange) : tooManyRequests(exchange, retryAfter);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    /** 429 problem+json ({@code rate-limited}) with {@code Retry-After} in whole seconds. */
    static Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfter) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Request rate limit exceeded; retry after " + retryAfter + " s");
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
