package dev.forecourt.gateway.routing;

import java.util.Map;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

import dev.forecourt.gateway.config.GatewayProperties;
import dev.forecourt.gateway.config.GatewayProperties.Service;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import reactor.core.publisher.Mono;

/**
 * One route per service over the path prefixes it owns (the table is {@code forecourt.services}
 * in gateway.yml), each behind its own circuit breaker, plus {@code /v3/api-docs/{service}}
 * for Swagger UI (each document rewritten for the gateway: {@link OpenApiForTheGateway}). The Authorization, X-Request-Id and traceparent headers pass through
 * unchanged; services verify the token again.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties, CircuitBreakerRegistry breakers) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        OpenApiForTheGateway openApi = new OpenApiForTheGateway(properties.openapi().publicUrl(), properties.openapi().openPaths());
        for (Map.Entry<String, Service> entry : properties.services().entrySet()) {
            String name = entry.getKey();
            Service service = entry.getValue();
            Assert.notNull(service.url(), () -> "forecourt.services." + name + ".url is required");
            if (!service.paths().isEmpty()) {
                routes.route(name, r -> r.path(service.paths().toArray(String[]::new))
                        .filters(f -> f.filter(new ServiceBreaker(name, breakers.circuitBreaker(name),
                                properties.breaker().openFor().toSeconds())))
                        .uri(service.url()));
            }
            // no breaker: a missing document only blanks one entry of Swagger UI
            routes.route(name + "-api-docs", r -> r.path("/v3/api-docs/" + name)
                    .filters(f -> f.setPath("/v3/api-docs")
                            .modifyResponseBody(String.class, String.class, MediaType.APPLICATION_JSON_VALUE,
                                    (exchange, document) -> Mono.justOrEmpty(openApi.rewrite(document))))
                    .uri(service.url()));
        }
        return routes.build();
    }
}
