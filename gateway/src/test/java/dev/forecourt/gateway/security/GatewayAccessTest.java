package dev.forecourt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authorization.AuthorizationContext;

import reactor.core.publisher.Mono;

/** The gateway's access rules, decided in one pass (the routes' behaviour is in SecurityTest, ActuatorExposureTest, OperationsPortTest). */
class GatewayAccessTest {

    private static final int OPERATIONS_PORT = 9090;

    private final GatewayAccess access = new GatewayAccess(SecurityConfiguration.PUBLIC_PATHS, SecurityConfiguration.OPERATIONS_PATHS,
            SecurityConfiguration.OPERATIONS_READ, OPERATIONS_PORT);

    @Test
    void openPathsNeedNobody() {
        for (String path : List.of("/api/v1/auth/token", "/.well-known/jwks.json", "/webhooks/oem/claims", "/actuator/health",
                "/actuator/health/readiness", "/v3/api-docs/parts", "/swagger-ui/index.html")) {
            assertThat(granted(path, 8080, Mono.empty())).as(path).isTrue();
        }
    }

    @Test
    void everythingElseNeedsAStaffMember() {
        assertThat(granted("/api/v1/parts/06L115562B/stock", 8080, Mono.empty())).isFalse();
        assertThat(granted("/api/v1/parts/06L115562B/stock", 8080, Mono.just(staff("parts:read")))).isTrue();
        assertThat(granted("/api/v1/auth-tokens", 8080, Mono.empty())).as("not under /api/v1/auth/").isFalse();
        TestingAuthenticationToken notAuthenticated = new TestingAuthenticationToken("emp-1", null, "parts:read");
        notAuthenticated.setAuthenticated(false);
        assertThat(granted("/api/v1/parts", 8080, Mono.just(notAuthenticated))).isFalse();
    }

    @Test
    void theActuatorNeedsOperationsRead() {
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/prometheus", "/actuator/health/details")) {
            assertThat(granted(path, 8080, Mono.empty())).as(path).isFalse();
            assertThat(granted(path, 8080, Mono.just(staff("parts:read")))).as(path).isFalse();
            assertThat(granted(path, 8080, Mono.just(staff("parts:read", "operations:read")))).as(path).isTrue();
        }
    }

    @Test
    void theOperationsPortIsOpen() {
        assertThat(granted("/actuator/prometheus", OPERATIONS_PORT, Mono.empty())).isTrue();
        GatewayAccess withoutPort = new GatewayAccess(SecurityConfiguration.PUBLIC_PATHS, SecurityConfiguration.OPERATIONS_PATHS,
                SecurityConfiguration.OPERATIONS_READ, -1);
        MockServerWebExchange exchange = exchange("/actuator/prometheus", OPERATIONS_PORT);
        assertThat(withoutPort.authorize(Mono.empty(), new AuthorizationContext(exchange)).map(AuthorizationResult::isGranted).block()).isFalse();
    }

    private boolean granted(String path, int port, Mono<Authentication> authentication) {
        return access.authorize(authentication, new AuthorizationContext(exchange(path, port))).map(AuthorizationResult::isGranted).block();
    }

    private static MockServerWebExchange exchange(String path, int port) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path).localAddress(new InetSocketAddress("127.0.0.1", port)));
    }

    private static Authentication staff(String... permissions) {
        return new TestingAuthenticationToken("emp-1", null, AuthorityUtils.createAuthorityList(permissions));
    }
}
