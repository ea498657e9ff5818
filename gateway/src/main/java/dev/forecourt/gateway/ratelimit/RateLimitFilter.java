package dev.forecourt.gateway.ratelimit;

import java.net.InetSocketAddress;

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
 * Limits the routed requests of each client: a staff member by the token's subject (so a whole
 * office behind one NAT address is not throttled together), an anonymous caller (sign-in,
 * webhooks) by its address. The address is the TCP peer's: X-Forwarded-For is not trusted, a
 * client could rotate it to escape the limit. Runs after security, before the route's breaker.
 */
@Component
@ConditionalOnBooleanProperty(name = "forecourt.rate-limit.enabled", matchIfMissing = true)
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final ClientRateLimiter limiter;

    public RateLimitFilter(GatewayProperties properties) {
        this.limiter = new ClientRateLimiter(properties.rateLimit());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(principal -> "sub:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)))
                .flatMap(client -> {
                    long retryAfter = limiter.tryAcquire(client);
                    if (retryAfter == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "Request rate limit exceeded; retry after " + retryAfter + " s");
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
