package dev.forecourt.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.forecourt.gateway.web.Problems;

import reactor.core.publisher.Mono;

/**
 * CORS before security (Spring Security's own CORS filter is off): a preflight from a configured
 * front-end is answered here without a token; a cross-origin call from any other origin is refused
 * with 403 problem+json (Spring's processor would answer an empty 403). Same-origin calls pass
 * after one header check.
 */
final class CorsFilter implements WebFilter, Ordered {

    /** After the address throttle and the body limit, before Spring Security (-100). */
    static final int ORDER = -150;

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "cors-refused", "Forbidden",
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed");
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
