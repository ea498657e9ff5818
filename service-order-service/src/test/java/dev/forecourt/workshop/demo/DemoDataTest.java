package dev.forecourt.workshop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.ReservationStatus;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * The demo seeding, called directly (the test stack turns forecourt.demo-data off and the shared
 * database is not empty): its two orders wait for a technician and are handed over once hr-service
 * has announced one, so claims and CRM receive their events; its order waiting for brake discs
 * shows what parts-service's events tell about them.
 */
class DemoDataTest extends WorkshopIntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    RepairOrders orders;

    @Test
    void theDemoOrdersAreHandedOverOnceATechnicianIsKnown() {
        partsServiceHasNoBrakeDiscs();
        List<String> toHandOver = demo.seed();
        assertThat(toHandOver).hasSize(2);
        theOrderWaitingForBrakeDiscsShowsTheirPurchaseOrderAndTheirArrival();

        hireTechnician(unique("demo-tech"), "engine", "electrical", "maintenance");
        demo.handOverWhenATechnicianIsKnown();

        assertThat(toHandOver).allSatisfy(id -> assertThat(orders.get(id).getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER));
        // the warranty car's road service (外出服务) is on record, back with 36 km
        var trips = as(FOREMAN).get("/api/v1/road-service-orders?vin=LSVAB4BM7RN000001");
        assertThat(trips.at("/items/0/drivenKm")).isEqualTo("36");
        // this month's targets are set, so the KPI report measures against them
        var kpis = as(DIRECTOR).get("/api/v1/workshop-reports/kpis?month="
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(kpis.at("/targetSet")).isEqualTo("true");
        assertThat(kpis.json().at("/repairOrders/target").asInt()).isEqualTo(400);
        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var warranty = probe.await("forecourt.workshop.warranty-job-completed.v1", toHandOver.get(0));
            EventSchemas.assertValid(warranty);
            assertThat(warranty.data().get("causalPartNumber").asString()).isEqualTo("04E905612C");
            var customerPaid = probe.await("forecourt.workshop.repair-order-handed-over.v1", toHandOver.get(1));
            EventSchemas.assertValid(customerPaid);
            assertThat(customerPaid.data().get("customerPhone").asString()).isEqualTo("13800000005");
            assertThat(customerPaid.data().get("payTypes").toString()).isEqualTo("[\"CUSTOMER\"]");
        }
    }

    /**
     * The demo order whose parts line waits (issue 16): parts-service has no brake discs, so the line
     * is INSUFFICIENT; parts-service's events then show the purchase order and its arrival, and the
     * arrival of the discs reserves the line and puts the order on the board under partsArrived.
     */
    private void theOrderWaitingForBrakeDiscsShowsTheirPurchaseOrderAndTheirArrival() {
        List<RepairOrder> ofTheCar = orders.ofVehicle(DemoData.WAITING_VIN);
        RepairOrder waiting = ofTheCar.get(ofTheCar.size() - 1);
        String id = waiting.getId();
        PartsLine line = waiting.getPartsLines().get(0);
        assertThat(line.getPartNumber()).isEqualTo(DemoData.BRAKE_DISC);
        assertThat(line.getReservation()).isEqualTo(ReservationStatus.INSUFFICIENT);
        assertThat(line.getAvailable()).isZero();
        assertThat(line.isApproved()).as("the customer approved the discs").isTrue();
        assertThat(waiting.getStatus()).as("approved: in the workshop, waiting for dispatch").isEqualTo(RepairOrderStatus.IN_WORK);

        LocalDate arrival = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        IncomingEvents.publish("forecourt.parts.waiting-line-expected.v1", id, """
                {"repairOrderId":"%s","lineId":"%s","partNumber":"%s","quantity":2,"purchaseOrderNumber":"PO2026000002",
                 "expectedArrival":"%s","at":"%s"}""".formatted(id, line.getId(), DemoData.BRAKE_DISC, arrival, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response order = as(ADVISOR).get("/api/v1/repair-orders/" + id);
            assertThat(order.at("/partsLines/0/reservation")).isEqualTo("INSUFFICIENT");
            assertThat(order.at("/partsLines/0/purchaseOrderNumber")).isEqualTo("PO2026000002");
            assertThat(order.at("/partsLines/0/expectedArrival")).isEqualTo(arrival.toString());
        });

        IncomingEvents.publish("forecourt.parts.waiting-line-reserved.v1", DemoData.BRAKE_DISC, """
                {"reservationId":"rsv-demo-discs","repairOrderId":"%s","lineId":"%s","partNumber":"%s","quantity":2,
                 "purchaseOrderNumber":"PO2026000002","goodsReceiptId":"gr-demo","reservedAt":"%s"}"""
                .formatted(id, line.getId(), DemoData.BRAKE_DISC, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response order = as(ADVISOR).get("/api/v1/repair-orders/" + id);
            assertThat(order.at("/partsLines/0/reservation")).isEqualTo("RESERVED");
            assertThat(order.at("/partsArrived")).isEqualTo("true");
            assertThat(as(FOREMAN).get("/api/v1/workshop/board").json().path("partsArrived").findValuesAsString("repairOrderId"))
                    .contains(id);
        });
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }

    /** As parts-service's demo stock: no front brake discs on the shelf (any other part is reserved). */
    private static void partsServiceHasNoBrakeDiscs() {
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(DemoData.BRAKE_DISC))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://forecourt.dev/problems/stock-insufficient\",\"status\":409,\"available\":0}")));
    }
}
