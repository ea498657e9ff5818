package dev.forecourt.gateway.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's framework floor gateway ({@code benchmarks/floor/gateway}: Spring Cloud Gateway, one
 * route, no security, actuator, observation, throttle or breaker) started in {@link GatewayCpuCheck}'s JVM
 * ({@code -Dbench.floor=true}), so the gateway and its floor are measured by one harness on one machine. The
 * gateway module's classpath has much more than the floor's: every auto-configuration the floor's classpath
 * would not have is excluded by name.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BareGateway {

    private static final String[] NOT_ON_THE_FLOOR = {".security.", ".actuate.", ".micrometer.", ".opentelemetry.",
            "mongodb", "kafka", "springdoc", "resilience4j", ".tomcat.", "circuitbreaker", "tracing", "observation", "dev.forecourt"};

    static ConfigurableApplicationContext start(String serviceUrl) {
        String excluded = ImportCandidates.load(AutoConfiguration.class, BareGateway.class.getClassLoader()).getCandidates().stream()
                .filter(name -> Arrays.stream(NOT_ON_THE_FLOOR).anyMatch(name.toLowerCase()::contains))
                .collect(Collectors.joining(","));
        return new SpringApplicationBuilder(BareGateway.class).web(WebApplicationType.REACTIVE).run(
                "--spring.config.name=floor-gateway",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.autoconfigure.exclude=" + excluded,
                "--spring.cloud.gateway.server.webflux.routes[0].id=floor",
                "--spring.cloud.gateway.server.webflux.routes[0].uri=" + serviceUrl,
                "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/v1/parts/**");
    }
}
