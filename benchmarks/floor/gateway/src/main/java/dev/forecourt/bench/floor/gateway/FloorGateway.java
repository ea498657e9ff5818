package dev.forecourt.bench.floor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The floor's gateway: Spring Cloud Gateway with the one route of {@code application.yml} and no filters,
 * security, tracing or breaker of its own. {@code --server.port} and {@code --floor.service-url} are set by
 * {@code benchmarks/run}.
 */
@SpringBootApplication
public class FloorGateway {

    public static void main(String[] args) {
        SpringApplication.run(FloorGateway.class, args);
    }
}
