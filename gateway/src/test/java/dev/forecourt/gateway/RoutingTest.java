package dev.forecourt.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayTestBase {

    @Autowired
    WebServerApplicationContext context;

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "/api/v1/employees/e-1, hr",
            "/api/v1/org-chart, hr",
            "/api/v1/vehicles?status=IN_STOCK, sales",
            "/api/v1/sales-reports/daily, sales",
            "/api/v1/repair-orders/ro-7/jobs, workshop",
            "/api/v1/workshop/board, workshop",
            "/api/v1/parts/06L115562B, parts",
            "/api/v1/replenishment-suggestions, parts",
            "/api/v1/warranty-claims/c-1, claims",
            "/api/v1/customers/13800000001, crm",
            "/api/v1/crm-reports/csi/weekly, crm"})
    void anApiPathIsRoutedToTheServiceOwningItsPrefixWithTokenAndRequestId(String path, String service) {
        String token = TestTokens.valid();

        http.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", "req-" + service + "-42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-" + service + "-42")
                .expectBody().jsonPath("$.service").isEqualTo(service);

        Downstreams.of(service).verify(1, getRequestedFor(urlEqualTo(path))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo("req-" + service + "-42")));
        Downstreams.NAMES.stream().filter(other -> !other.equals(service))
                .forEach(other -> assertThat(Downstreams.of(other).getAllServeEvents()).isEmpty());
    }

    @Test
    void aRequestWithoutRequestIdGetsOneThatTheServiceAndTheCallerBothSee() {
        String id = http.get().uri("/api/v1/parts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Downstreams.of("parts").verify(getRequestedFor(urlEqualTo("/api/v1/parts")).withHeader("X-Request-Id", equalTo(id)));
    }

    @Test
    void anUnacceptableRequestIdIsReplacedRatherThanPassedOn() {
        String id = http.get().uri("/api/v1/parts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .header("X-Request-Id", "bad id\"with quotes")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(id).isNotEqualTo("bad id\"with quotes").hasSize(36);
    }

    @Test
    void aClientsTraceparentReachesTheServiceInTheSameTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        http.get().uri("/api/v1/complaints")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk();

        // the same trace, the sampling kept, and the gateway's own span (not the client's) as the service's parent
        Downstreams.of("crm").verify(getRequestedFor(urlEqualTo("/api/v1/complaints"))
                .withHeader("traceparent", matching("00-" + traceId + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01")));
    }

    @Test
    void signInAndOemWebhooksNeedNoTokenAndAreRouted() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"gm\",\"password\":\"demo1234\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("hr");
        http.post().uri("/webhooks/oem/claim-decisions").contentType(MediaType.APPLICATION_JSON)
                .header("webhook-signature", "v1,abc")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("claims");

        Downstreams.of("hr").verify(postRequestedFor(urlEqualTo("/api/v1/auth/login")));
        Downstreams.of("claims").verify(postRequestedFor(urlEqualTo("/webhooks/oem/claim-decisions"))
                .withHeader("webhook-signature", equalTo("v1,abc")));
    }

    @Test
    void theGatewayRunsOnNettyEvenWithTomcatOnTheClasspath() {
        assertThat(context.getWebServer()).isInstanceOf(NettyWebServer.class);
    }
}
