package dev.forecourt.gateway.routing;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who the client is: {@code X-Forwarded-For} on every routed request is set to
 * the address the gateway received the connection from (the TCP peer, the address its own throttles
 * count), replacing whatever the client sent. Any {@code X-Forwarded-*} or {@code Forwarded} header
 * of the client is dropped, never appended to: a client must not choose the address hr's login
 * throttle counts it under. The services believe the header only from a trusted proxy
 * ({@code FORECOURT_TRUSTED_PROXIES}, loopback and the cluster-internal ranges by default).
 *
 * <p>Runs last among the request header filters (after Spring Cloud Gateway's own removal of
 * forwarded headers, which stays on while no gateway trusted proxies are configured).
 */
@Component
public class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForwardingHeader(name)) {
                headers.put(name, values);
            }
        });
        String client = peer(exchange);
        if (client != null) {
            headers.set(X_FORWARDED_FOR, client);
        }
        return headers;
    }

    private static boolean isForwardingHeader(String name) {
        return name.regionMatches(true, 0, "x-forwarded-", 0, 12) || "forwarded".equals(name.toLowerCase(Locale.ROOT));
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
