package dev.forecourt.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.github.tomakehurst.wiremock.http.Fault;

class ResilienceAndHealthTest extends GatewayTestBase {

    @Test
    void healthIsUpWithEveryServiceUp() {
        details()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.services.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.hr.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.sales.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.workshop.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.parts.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.claims.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.crm.status").isEqualTo("UP");
    }

    @Test
    void healthIsDownWhenAServiceReportsItselfDown() {
        Downstreams.of("sales").stubFor(get(urlEqualTo("/actuator/health"))
                .willReturn(jsonResponse("{\"status\":\"DOWN\"}", 503)));

        details()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.services.components.sales.status").isEqualTo("DOWN")
                .jsonPath("$.components.services.components.sales.details.httpStatus").isEqualTo(503)
                .jsonPath("$.components.services.components.parts.status").isEqualTo("UP");
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemWithRetryAfterAndTurnsHealthDown() {
        Downstreams.stop("crm");
        try {
            http.get().uri("/api/v1/callbacks")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                    .header("X-Request-Id", "req-crm-down")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                    .expectHeader().valueEquals("X-Request-Id", "req-crm-down")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/service-unavailable")
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.instance").isEqualTo("/api/v1/callbacks")
                    .jsonPath("$.requestId").isEqualTo("req-crm-down");

            details()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.services.components.crm.status").isEqualTo("DOWN")
                    .jsonPath("$.components.services.components.hr.status").isEqualTo("UP");
        } finally {
            Downstreams.restart("crm");
        }
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void aServiceThatDropsTheConnectionAlsoAnswers503Problem() {
        Downstreams.of("claims").stubFor(get(urlEqualTo("/api/v1/claims-reports/monthly"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        http.get().uri("/api/v1/claims-reports/monthly")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aServiceSlowerThanTheTimeLimitAnswers503Problem() {
        Downstreams.of("sales").stubFor(get(urlEqualTo("/api/v1/leads/slow"))
                .willReturn(jsonResponse("{}", 200).withFixedDelay(3_000)));

        http.get().uri("/api/v1/leads/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec details() {
        return http.get().uri("/actuator/health/details")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.operations())
                .exchange();
    }
}
