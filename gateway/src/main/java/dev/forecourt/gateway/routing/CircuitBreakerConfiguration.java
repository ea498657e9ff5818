package dev.forecourt.gateway.routing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.forecourt.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * One breaker per route (named after the service), all with the same settings from
 * {@code forecourt.breaker}. The time limit is generous: reports may take seconds, and a
 * too-short limit would turn a slow service into an unavailable one.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakerConfiguration {

    /**
     * Resilience4j's own Spring Boot auto-configuration is left out (the Boot 3 one does not fit
     * Boot 4), so the registries the Cloud factory needs are made here, unless a Boot 4 one sits
     * on a shared classpath and made them already.
     */
    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    @ConditionalOnMissingBean
    TimeLimiterRegistry timeLimiterRegistry() {
        return TimeLimiterRegistry.ofDefaults();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> perRouteBreakers(GatewayProperties properties) {
        GatewayProperties.Breaker breaker = properties.breaker();
        CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRate())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, Math.min(5, breaker.minimumCalls())))
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom().timeoutDuration(breaker.timeout()).build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(circuitBreaker)
                .timeLimiterConfig(timeLimiter)
                .build());
    }
}
