package dev.forecourt.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}, passes it to the service and returns it to the
 * caller. It runs before security, so a 401 or 429 carries the id too. It also notes the path
 * the client called, which problem answers report as their {@code instance}.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100) and the CORS check inside it. */
    public static final int ORDER = -200;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        ServerWebExchange withId = exchange;
        String id = incoming;
        if (!RequestIds.acceptable(incoming)) {
            // only then is the request rebuilt: a caller's acceptable id passes on as it came
            String made = RequestIds.random();
            id = made;
            ServerHttpRequest request = exchange.getRequest().mutate()
                    .headers(headers -> headers.set(RequestIds.HEADER, made))
                    .build();
            withId = exchange.mutate().request(request).build();
        }
        withId.getAttributes().put(RequestIds.ATTRIBUTE, id);
        withId.getAttributes().put(Problems.INSTANCE_ATTRIBUTE, exchange.getRequest().getPath().value());
        // set (not add) when the response is committed: a service echoing the id must not double it
        String answered = id;
        ServerHttpResponse response = withId.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, answered);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
