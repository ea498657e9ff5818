package dev.forecourt.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import dev.forecourt.gateway.web.Problems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;

import reactor.core.publisher.Mono;

/**
 * A route's circuit breaker, applied directly: one Resilience4j operator around the routed call
 * (the breaker instance resolved once per route, not looked up per request), and on failure, a
 * timeout or an open breaker, 503 problem+json with {@code Retry-After} = how long an open
 * breaker stays open, written here rather than by a forward to a fallback handler. The time limit
 * is the HTTP client's response timeout ({@code forecourt.breaker.timeout}), a Netty timer on the
 * connection instead of a scheduled task per request. A failed call counts against the breaker as
 * before; a service's own answers (4xx, 5xx) pass through unchanged and do not.
 */
final class ServiceBreaker implements GatewayFilter, Ordered {

    private final String service;
    private final CircuitBreakerOperator<Void> breaker;
    private final String retryAfter;

    ServiceBreaker(String service, CircuitBreaker circuitBreaker, long retryAfterSeconds) {
        this.service = service;
        this.breaker = CircuitBreakerOperator.of(circuitBreaker);
        this.retryAfter = Long.toString(Math.max(1, retryAfterSeconds));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .transform(breaker)
                .onErrorResume(e -> unavailable(exchange));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty(); // the service began to answer: nothing better can be said now
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + service + " service is not answering; try again later");
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
