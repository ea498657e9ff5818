package dev.forecourt.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * UP when the service's {@code /actuator/health} answers 200 with status UP; DOWN when it answers
 * anything else (503 with DOWN is a non-2xx answer), cannot be reached or is too slow.
 */
class ServiceHealthIndicator implements ReactiveHealthIndicator {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;
    private final URI healthUri;
    private final Duration timeout;

    ServiceHealthIndicator(WebClient client, URI baseUrl, Duration timeout) {
        this.client = client;
        this.healthUri = UriComponentsBuilder.fromUri(baseUrl).path("/actuator/health").build().toUri();
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(healthUri)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(JSON_OBJECT).map(body -> "UP".equals(body.get("status")))
                                .map(up -> (up ? Health.up() : Health.down()).build())
                        : response.releaseBody().thenReturn(Health.down()
                                .withDetail("httpStatus", response.statusCode().value()).build()))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
