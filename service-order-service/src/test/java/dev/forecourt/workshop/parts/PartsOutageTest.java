package dev.forecourt.workshop.parts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * parts-service failing in the ways it really fails: the repair order is still saved (201) with
 * its parts PENDING and a notice for the customer, and the reservation happens on its own once
 * parts-service answers again.
 */
class PartsOutageTest extends WorkshopIntegrationTest {

    static final String VIN = "LSVCD6AZ9RN100001";

    enum PartsFault {
        SERVER_ERROR(aResponse().withStatus(500).withBody("boom")),
        SLOWER_THAN_THE_TIMEOUT(aResponse().withStatus(201).withFixedDelay(1_500)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"too-late\"}")),
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        final ResponseDefinitionBuilder response;

        PartsFault(ResponseDefinitionBuilder response) {
            this.response = response;
        }
    }

    @ParameterizedTest
    @EnumSource(PartsFault.class)
    void anOrderIsSavedWithItsPartsPendingAndTheyAreReservedAutomaticallyOncePartsServiceIsBack(PartsFault fault) {
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(fault.response));

        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(VIN, true));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.at("/partsLines/0/reservation")).isEqualTo("PENDING");
        assertThat(opened.at("/partsNotice")).contains("reserved automatically");
        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + id).status()).isEqualTo(200);
        PEERS.verify(postRequestedFor(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(id)));

        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"reservationId\":\"res-after-outage\"}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response now = as(ADVISOR).get("/api/v1/repair-orders/" + id);
            assertThat(now.at("/partsLines/0/reservation")).isEqualTo("RESERVED");
            assertThat(now.at("/partsLines/0/reservationId")).isEqualTo("res-after-outage");
            assertThat(now.at("/partsNotice")).isNull();
        });
        PEERS.verify(postRequestedFor(urlEqualTo("/api/v1/reservations"))
                .withHeader("Authorization", equalTo("Bearer svc-token"))
                .withRequestBody(containing("\"lineId\":\"line-1\""))
                .withRequestBody(containing("\"partNumber\":\"5Q0698151\"")));
    }

    @Test
    void tooLittleStockIsAnAnswerNotAnOutage() {
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://forecourt.dev/problems/stock-insufficient\",\"status\":409,\"available\":0}")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(VIN, true));
            // right after the outage tests the breaker may still be open: then the line is pending, try again
            return "INSUFFICIENT".equals(opened.at("/partsLines/0/reservation")) && opened.at("/partsNotice") == null;
        });
    }

    @Test
    void aRequestPartsServiceRefusesIsRecordedOnceAndNotRetried() {
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://forecourt.dev/problems/unknown-part\",\"status\":422}")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(VIN, true));
            if (!"REJECTED".equals(opened.at("/partsLines/0/reservation"))) {
                return false; // the breaker was still open from the outage tests: try again
            }
            assertThat(opened.at("/partsLines/0/rejection")).contains("unknown-part");
            assertThat(opened.at("/partsNotice")).isNull();
            // the retry job may have asked too while the request's call was out (the same line, the same
            // answer: ConcurrentReservationTest); once the refusal is recorded nobody asks again
            int asked = PEERS.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations"))
                    .withRequestBody(containing(opened.at("/id")))).size();
            assertThat(asked).isBetween(1, 2);
            await().during(Duration.ofMillis(1_200)).atMost(Duration.ofSeconds(3)).until(() -> PEERS.findAll(
                    postRequestedFor(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(opened.at("/id")))).size() == asked);
            return true;
        });
    }

    @Test
    void theCircuitBreakerStateIsExported() {
        String metrics = Api.at(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"parts\"[^}]*state=\"closed\"");
        assertThat(metrics).contains("resilience4j_retry_calls");
    }
}
