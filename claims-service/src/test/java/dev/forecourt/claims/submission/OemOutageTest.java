package dev.forecourt.claims.submission;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

class OemOutageTest extends ClaimsIntegrationTest {

    @Test
    void aClaimWaitsWhileTheOemIsDownAndIsDeliveredOnceWhenItIsBack() {
        Api.Response draft = draftReadyClaim();
        String claimId = draft.at("/id");
        String number = draft.at("/claimNumber");
        // The OEM fails in every way we know, in turn, for this claim: 500s, a timeout, a reset connection; then it is back.
        String scenario = "outage-" + number;
        String[] states = {STARTED, "500-again", "timeout", "reset", "back"};
        var faults = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[]{
                aResponse().withStatus(500),
                aResponse().withStatus(503),
                aResponse().withStatus(202).withFixedDelay(4_000).withHeader("Content-Type", "application/json")
                        .withBody("{\"oemReference\":\"OEM-LATE\"}"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)};
        for (int i = 0; i < faults.length; i++) {
            OEM.stubFor(post(urlEqualTo("/oem/v1/warranty-claims")).atPriority(1)
                    .withHeader("Idempotency-Key", equalTo(number))
                    .inScenario(scenario).whenScenarioStateIs(states[i]).willSetStateTo(states[i + 1])
                    .willReturn(faults[i]));
        }
        OEM.stubFor(post(urlEqualTo("/oem/v1/warranty-claims")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(number))
                .inScenario(scenario).whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"oemReference\":\"OEM-4711\",\"status\":\"RECEIVED\"}")));

        Api.Response submitted = api().post("/api/v1/warranty-claims/" + claimId + "/submit");

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.at("/status")).isEqualTo("SUBMISSION_PENDING");
        assertThat(submitted.at("/pendingSubmission/lastError")).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response claim = api().get("/api/v1/warranty-claims/" + claimId);
            assertThat(claim.at("/status")).isEqualTo("SUBMITTED");
            assertThat(claim.at("/oemReference")).isEqualTo("OEM-4711");
        });

        // Every attempt carried the claim number as idempotency key and the API key: the OEM files it once.
        var attempts = OEM.findAll(postRequestedFor(urlEqualTo("/oem/v1/warranty-claims")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(number)));
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(5);
        assertThat(attempts).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(number);
        assertThat(attempts).extracting(r -> r.getHeader("X-Api-Key")).containsOnly("dev-oem-api-key");
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var event = probe.await("forecourt.claims.warranty-claim-submitted.v1", claimId);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("oemReference").asString()).isEqualTo("OEM-4711");
            assertThat(probe.about(claimId).stream().filter(e -> e.type().endsWith("warranty-claim-submitted.v1"))
                    .map(e -> e.id()).distinct()).hasSize(1);
        }
        Api.Response claim = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(claim.json().get("history").valueStream().filter(h -> "SUBMITTED".equals(h.path("to").asString())).count())
                .isEqualTo(1);
    }

    @Test
    void theCircuitBreakerStateIsVisibleInTheMetrics() {
        String metrics = Api.at(port).get("/actuator/prometheus").body();
        assertThat(metrics).contains("resilience4j_circuitbreaker_state").contains("name=\"oem\"");
    }
}
