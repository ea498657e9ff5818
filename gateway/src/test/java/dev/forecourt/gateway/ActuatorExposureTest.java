package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** What the actuator shows through the gateway: the public a status, operations staff the rest. */
class ActuatorExposureTest extends GatewayTestBase {

    @Test
    void publicHealthSaysUpOrDownAndNothingElse() {
        String body = http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        tools.jackson.databind.JsonNode health = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        // besides the status only the names of the probe groups: no components, disk paths or services
        assertThat(health.propertyNames()).containsOnly("status", "groups");
        assertThat(body).doesNotContain("components", "diskSpace", "path", "sales", "mongo");
    }

    @Test
    void healthDetailsNeedAToken() {
        http.get().uri("/actuator/health/details").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void prometheusWithoutATokenAnswers401Problem() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void metricsWithAnOrdinaryStaffTokenAnswer403Problem() {
        for (String path : new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator/health/details", "/actuator"}) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid()).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/forbidden");
        }
    }

    @Test
    void operationsStaffReadMetricsPrometheusAndHealthDetails() {
        String token = TestTokens.operations();
        http.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.names").isArray();
        http.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        http.get().uri("/actuator/health/details").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.components.services.components.hr.status").isEqualTo("UP");
    }

    @Test
    void probesStayOpenForTheKubelet() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
