package dev.forecourt.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.forecourt.gateway.config.GatewayProperties;
import dev.forecourt.gateway.web.RequestIdFilter;

import reactor.core.publisher.Mono;

/**
 * Limits every request per client address, before anything costly (body, token check) is done
 * for it, and sign-in ({@code POST /api/v1/auth/token}) per address much more tightly, so nobody
 * can guess passwords quickly or lock staff accounts out from one address. The address is the TCP
 * peer's: X-Forwarded-For is not trusted, a client could rotate it to escape the limit (behind a
 * load balancer, configure Netty's forwarded-header support there instead).
 */
@Component
@ConditionalOnBooleanProperty(name = "forecourt.rate-limit.enabled", matchIfMissing = true)
public class AddressRateLimitFilter implements WebFilter, Ordered {

    /** Right after the request id is given (so the 429 carries it), before the body limit and security. */
    public static final int ORDER = RequestIdFilter.ORDER + 5;

    static final String SIGN_IN_PATH = "/api/v1/auth/token";

    private final ClientRateLimiter perAddress;
    private final ClientRateLimiter signIn;

    public AddressRateLimitFilter(GatewayProperties properties) {
        GatewayProperties.RateLimit settings = properties.rateLimit();
        this.perAddress = new ClientRateLimiter(settings.perAddress(), settings.idleAfter());
        this.signIn = new ClientRateLimiter(settings.signIn(), settings.idleAfter());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String address = address(request);
        long retryAfter = perAddress.tryAcquire(address);
        if (retryAfter == 0 && request.getMethod() == HttpMethod.POST && isSignIn(request.getPath().value())) {
            retryAfter = signIn.tryAcquire(address);
        }
        return retryAfter == 0 ? chain.filter(exchange) : RateLimitFilter.tooManyRequests(exchange, retryAfter);
    }

    /** Also {@code //api/v1/auth//token/}: a spelling the service might accept must not escape the limit. */
    static boolean isSignIn(String path) {
        if (SIGN_IN_PATH.equals(path)) {
            return true;
        }
        StringBuilder normal = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || normal.length() == 0 || normal.charAt(normal.length() - 1) != '/') {
                normal.append(c);
            }
        }
        if (normal.length() > 1 && normal.charAt(normal.length() - 1) == '/') {
            normal.setLength(normal.length() - 1);
        }
        return SIGN_IN_PATH.equalsIgnoreCase(normal.toString());
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
