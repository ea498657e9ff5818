package dev.forecourt.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code management.server.port} set (Kubernetes: a port the ingress does not publish),
 * Prometheus scrapes the gateway pod there without a token, while the public port still asks for
 * the operations permission.
 */
class OperationsPortTest extends GatewayTestBase {

    private static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutATokenButNotThePublicPort() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + MANAGEMENT_PORT).responseTimeout(Duration.ofSeconds(15)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk();

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
