package dev.forecourt.parts.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class ReservationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.forecourt.parts.repairorders.RepairOrders repairOrders;

    PartsFixture parts;
    Api workshop;
    String partNumber;
    String repairOrder;

    @BeforeEach
    void tenOnTheShelf() {
        parts = new PartsFixture(port, repairOrders);
        workshop = Api.at(port).checked().as(TestTokens.staff("svc-workshop", "service-account", "parts:read", "parts:reserve"));
        partNumber = parts.part();
        parts.receive(partNumber, 10);
        repairOrder = PartsFixture.id("ro");
        parts.openRepairOrder(repairOrder, partNumber, "line-1", "line-2");
    }

    @Test
    void aRetriedReservationOfTheSameRepairOrderLineReservesOnce() {
        Api.Response first = reserve("line-1", 4);
        Api.Response retry = reserve("line-1", 4);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.at("/reservationId")).isEqualTo(first.at("/reservationId"));
        assertThat(retry.at("/status")).isEqualTo("ACTIVE");
        assertThat(parts.stock(partNumber, "reserved")).isEqualTo(4);
        assertThat(parts.stock(partNumber, "available")).isEqualTo(6);
        assertThat(parts.stock(partNumber, "onHand")).isEqualTo(10);
        assertThat(parts.movementCount(partNumber)).isEqualTo(2);

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.parts-reserved.v1", partNumber));
        }
    }

    @Test
    void aReservationLargerThanAvailableIsRefusedWithTheAvailableQuantity() {
        reserve("line-1", 7);
        Api.Response refused = reserve("line-2", 4);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).endsWith("/stock-insufficient");
        assertThat(refused.json().get("available").asInt()).isEqualTo(3);
        assertThat(parts.stock(partNumber, "reserved")).isEqualTo(7);
    }

    @Test
    void reservedStockCannotBeIssuedToAnotherDocument() {
        reserve("line-1", 8);
        assertThat(parts.issue(partNumber, 3, "ro-other").status()).isEqualTo(409);
        assertThat(parts.issue(partNumber, 2, "ro-other").status()).isEqualTo(201);
    }

    @Test
    void issuingAgainstTheLineConsumesItsReservation() {
        String id = reserve("line-1", 3).at("/reservationId");
        Api.Response partial = issueForLine("line-1", 2);
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.at("/fromReservation")).isEqualTo("2");
        assertThat(parts.api().get("/api/v1/reservations/" + id).at("/outstanding")).isEqualTo("1");

        Api.Response rest = issueForLine("line-1", 2);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.at("/fromReservation")).isEqualTo("1");
        assertThat(parts.api().get("/api/v1/reservations/" + id).at("/status")).isEqualTo("CONSUMED");
        assertThat(parts.stock(partNumber, "onHand")).isEqualTo(6);
        assertThat(parts.stock(partNumber, "reserved")).isZero();
        assertThat(parts.stock(partNumber, "available")).isEqualTo(6);
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(6);
    }

    @Test
    void releasingGivesTheStockBackOnce() {
        String id = reserve("line-1", 5).at("/reservationId");
        Api.Response released = workshop.post("/api/v1/reservations/" + id + "/release", "{\"reason\":\"customer declined\"}");
        Api.Response again = workshop.post("/api/v1/reservations/" + id + "/release");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.at("/status")).isEqualTo("RELEASED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(parts.stock(partNumber, "available")).isEqualTo(10);
        assertThat(parts.movementCount(partNumber)).isEqualTo(3);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.reservation-released.v1", partNumber));
        }
    }

    @Test
    void aCancelledRepairOrderReleasesItsReservations() {
        reserve("line-1", 2);
        reserve("line-2", 3);
        IncomingEvents.publish("forecourt.workshop.repair-order-cancelled.v1", repairOrder, """
                {"repairOrderId":"%s","orderNumber":"RO2026000042","customerId":"cust-13800000001","cancelledAt":"2026-11-23T10:00:00Z",
                 "reason":"customer withdrew"}""".formatted(repairOrder));

        await().atMost(Duration.ofSeconds(20)).until(() -> parts.stock(partNumber, "reserved") == 0);
        assertThat(parts.stock(partNumber, "available")).isEqualTo(10);
        assertThat(parts.api().get("/api/v1/reservations?repairOrderId=" + repairOrder).json())
                .allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("RELEASED"));
    }

    private Api.Response reserve(String line, int quantity) {
        return workshop.post("/api/v1/reservations", """
                {"repairOrderId":"%s","lineId":"%s","partNumber":"%s","quantity":%d}""".formatted(repairOrder, line, partNumber, quantity));
    }

    private Api.Response issueForLine(String line, int quantity) {
        return parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":%d,"document":{"type":"REPAIR_ORDER","id":"%s"},"lineId":"%s"}"""
                .formatted(partNumber, quantity, repairOrder, line));
    }
}
