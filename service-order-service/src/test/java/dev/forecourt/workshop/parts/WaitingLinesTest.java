package dev.forecourt.workshop.parts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** A parts line waiting for goods shows when they arrive, and is reserved when they do ("parts arrived"). */
class WaitingLinesTest extends WorkshopIntegrationTest {

    @Test
    void aWaitingLineShowsItsExpectedArrivalAndIsReservedWhenTheGoodsArriveOnce() {
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).withRequestBody(containing("\"partNumber\":\"5Q0698151\""))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://forecourt.dev/problems/stock-insufficient\",\"status\":409,\"available\":0}")));
        String id = openWalkIn(uniqueVin(), true);
        String path = "/api/v1/repair-orders/" + id;
        assertThat(as(ADVISOR).get(path).at("/partsLines/0/reservation")).isEqualTo("INSUFFICIENT");

        IncomingEvents.publish("forecourt.parts.waiting-line-expected.v1", id, """
                {"repairOrderId":"%s","lineId":"line-1","partNumber":"5Q0698151","quantity":1,
                 "purchaseOrderNumber":"PO2026000031","expectedArrival":"2026-12-09","at":"%s"}""".formatted(id, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "2026-12-09".equals(as(ADVISOR).get(path).at("/partsLines/0/expectedArrival")));
        Api.Response waiting = as(ADVISOR).get(path);
        assertThat(waiting.at("/partsLines/0/purchaseOrderNumber")).isEqualTo("PO2026000031");
        assertThat(waiting.at("/partsArrived")).isEqualTo("false");

        String reserved = """
                {"reservationId":"res-arrived-1","repairOrderId":"%s","lineId":"line-1","partNumber":"5Q0698151","quantity":1,
                 "purchaseOrderNumber":"PO2026000031","goodsReceiptId":"gr-1","reservedAt":"%s"}""".formatted(id, Instant.now());
        IncomingEvents.publish("forecourt.parts.waiting-line-reserved.v1", "5Q0698151", reserved);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RESERVED".equals(as(ADVISOR).get(path).at("/partsLines/0/reservation")));
        Api.Response arrived = as(ADVISOR).get(path);
        assertThat(arrived.at("/partsLines/0/reservationId")).isEqualTo("res-arrived-1");
        assertThat(arrived.at("/partsLines/0/partsArrivedAt")).isNotBlank();
        assertThat(arrived.at("/partsArrived")).isEqualTo("true");
        assertThat(as(FOREMAN).get("/api/v1/workshop/board").json().get("partsArrived").findValuesAsString("repairOrderId"))
                .contains(id);

        // a redelivery changes nothing
        IncomingEvents.publish("forecourt.parts.waiting-line-reserved.v1", "5Q0698151",
                reserved.replace("res-arrived-1", "res-arrived-2"));
        issue(id, arrived.at("/orderNumber"), "line-1", "5Q0698151", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "false".equals(as(ADVISOR).get(path).at("/partsArrived")));
        Api.Response issued = as(ADVISOR).get(path);
        assertThat(issued.at("/partsLines/0/reservationId")).isEqualTo("res-arrived-1");
        assertThat(issued.at("/partsLines/0/issuedQuantity")).isEqualTo("1");
    }
}
