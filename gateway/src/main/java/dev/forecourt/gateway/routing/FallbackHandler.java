package dev.forecourt.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.forecourt.gateway.config.GatewayProperties;
import dev.forecourt.gateway.web.Problems;
import dev.forecourt.gateway.web.RequestIds;

/**
 * Where a route's circuit breaker forwards when the service failed, timed out or the breaker is
 * open: 503 problem+json with Retry-After set to the time an open breaker stays open, so a
 * client's retry lands when the service is tried again.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackHandler {

    static final String PATH_PREFIX = "forward:/gateway/fallback/";

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallback(GatewayProperties properties) {
        String retryAfter = Long.toString(Math.max(1, properties.breaker().openFor().toSeconds()));
        return RouterFunctions.route(RequestPredicates.path("/gateway/fallback/{service}"), request ->
                ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, retryAfter)
                        .contentType(Problems.PROBLEM_JSON)
                        .bodyValue(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                                "The " + request.pathVariable("service") + " service is not answering; try again later",
                                Problems.instance(request.exchange()), RequestIds.of(request.exchange()))));
    }
}
