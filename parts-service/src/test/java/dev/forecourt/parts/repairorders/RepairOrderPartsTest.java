package dev.forecourt.parts.repairorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

/**
 * The repair order's loop on the parts side: the workshop's events tell parts-service which orders
 * are open and which parts lines they have; the storekeeper issues by the order's number against
 * those lines only; handover ends the order's reservations; the books stay exact.
 */
@ForecourtServiceTest
class RepairOrderPartsTest {

    @LocalServerPort
    int port;

    PartsFixture parts;
    Api workshop;
    String pads;
    String arm;
    String repairOrderId;
    String orderNumber;

    @BeforeEach
    void anOpenRepairOrderWithTwoPartsLines() {
        parts = new PartsFixture(port);
        workshop = Api.at(port).checked().as(TestTokens.staff("svc-workshop", "service-account", "parts:read", "parts:reserve"));
        pads = parts.part(0, 50, 0, "B-02-" + UUID.randomUUID().toString().substring(0, 4), "520.00");
        arm = parts.part();
        parts.receive(pads, 10);
        parts.receive(arm, 5);
        repairOrderId = PartsFixture.id("ro");
        orderNumber = "RO2026" + String.format("%06d", Math.abs(repairOrderId.hashCode()) % 1_000_000);
        IncomingEvents.publish("forecourt.workshop.repair-order-opened.v1", repairOrderId, """
                {"repairOrderId":"%s","orderNumber":"%s","appointmentId":null,"vin":"LSVAB4BM7RN000001","plate":"沪A12345",
                 "brand":"Volkswagen","model":"Lavida","customerId":"cust-13800000001","customerName":"Wang Fang",
                 "customerPhone":"13800000001","advisorId":"emp-0007","advisorName":"Zhou Min","odometerInKm":23000,
                 "complaint":"brakes squeal","promisedAt":"2026-11-23T17:00:00Z","openedAt":"2026-11-23T09:00:00Z","reworkOf":null}"""
                .formatted(repairOrderId, orderNumber));
        // the workshop reserves, then announces the line at the price parts-service answered
        Api.Response reserved = reserve("line-1", pads, 4);
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
        assertThat(new java.math.BigDecimal(reserved.at("/unitPrice/amount"))).isEqualByComparingTo("520.00");
        assertThat(reserved.at("/unitPrice/currency")).isEqualTo("CNY");
        lineAdded("line-1", pads, 4, "520.00", reserved.at("/reservationId"));
        lineAdded("line-2", arm, 1, "10.00", null);
    }

    @Test
    void theStorekeeperIssuesByTheOrderNumberFromTheOrdersReservation() {
        Api.Response issued = await().atMost(Duration.ofSeconds(20)).until(() -> issue(orderNumber, pads, 3, null), a -> a.status() == 201);

        assertThat(issued.at("/document/id")).isEqualTo(repairOrderId);
        assertThat(issued.at("/document/number")).isEqualTo(orderNumber);
        assertThat(issued.at("/document/lineId")).isEqualTo("line-1");
        assertThat(issued.at("/fromReservation")).isEqualTo("3");
        assertThat(parts.stock(pads, "reserved")).isEqualTo(1);
        assertThat(parts.stock(pads, "onHand")).isEqualTo(7);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.parts.parts-issued.v1", pads);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("documentId").asString()).isEqualTo(repairOrderId);
            assertThat(event.data().get("orderNumber").asString()).isEqualTo(orderNumber);
            assertThat(event.data().get("lineId").asString()).isEqualTo("line-1");
            assertThat(event.data().get("fromReservation").asInt()).isEqualTo(3);
        }
    }

    @Test
    void anIssueAgainstAnUnknownOrderIsRefusedAndNothingIsWritten() {
        Api.Response refused = issue("RO-DOES-NOT-EXIST", pads, 1, null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("/repair-order-unknown");
        assertThat(parts.stock(pads, "onHand")).isEqualTo(10);
        assertThat(parts.movementCount(pads)).isEqualTo(2);
    }

    @Test
    void anIssueAgainstALineOfAnotherPartIsRefused() {
        awaitLine("line-2", arm);
        Api.Response otherPart = issue(orderNumber, pads, 1, "line-2");
        Api.Response noSuchLine = issue(orderNumber, pads, 1, "line-9");

        assertThat(otherPart.status()).isEqualTo(422);
        assertThat(otherPart.at("/type")).endsWith("/parts-line-mismatch");
        assertThat(otherPart.at("/linePartNumber")).isEqualTo(arm);
        assertThat(noSuchLine.status()).isEqualTo(422);
        assertThat(noSuchLine.at("/type")).endsWith("/parts-line-mismatch");
        assertThat(parts.stock(pads, "onHand")).isEqualTo(10);
    }

    @Test
    void handoverEndsTheOrdersReservationsAndClosesItToIssuesWithTheBooksExact() {
        awaitLine("line-2", arm);
        assertThat(issue(orderNumber, pads, 3, "line-1").status()).isEqualTo(201);
        assertThat(issue(repairOrderId, arm, 1, null).status()).isEqualTo(201);
        Api.Response returned = parts.api().post("/api/v1/stock-issues/returns", """
                {"repairOrder":"%s","lineId":"line-1","partNumber":"%s","quantity":1,"reason":"one set was enough"}"""
                .formatted(orderNumber, pads));
        Api.Response tooMany = parts.api().post("/api/v1/stock-issues/returns", """
                {"repairOrder":"%s","lineId":"line-1","partNumber":"%s","quantity":3}""".formatted(orderNumber, pads));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(returned.at("/quantity")).isEqualTo("1");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.at("/type")).endsWith("/return-exceeds-issued");
        assertThat(tooMany.at("/issued")).isEqualTo("2");

        handedOver();

        await().atMost(Duration.ofSeconds(20)).until(() -> parts.stock(pads, "reserved") == 0);
        JsonNode reservations = parts.api().get("/api/v1/reservations?repairOrderId=" + repairOrderId).json();
        assertThat(reservations).singleElement().satisfies(r -> {
            assertThat(r.get("status").asString()).isEqualTo("RELEASED");
            assertThat(r.get("outstanding").asInt()).isZero();
        });
        Api.Response afterHandover = await().atMost(Duration.ofSeconds(20))
                .until(() -> issue(orderNumber, pads, 1, "line-1"), a -> a.status() == 422);
        assertThat(afterHandover.at("/type")).endsWith("/repair-order-closed");
        // stock exact: the ledger sums to on hand, and reserved is what open reservations hold (none)
        assertThat(parts.stock(pads, "onHand")).isEqualTo(10 - 3 + 1).isEqualTo(parts.ledgerSum(pads));
        assertThat(parts.stock(arm, "onHand")).isEqualTo(4).isEqualTo(parts.ledgerSum(arm));
        assertThat(parts.stock(pads, "available")).isEqualTo(8);
        assertThat(parts.api().get("/api/v1/parts/" + pads + "/stock").json().get("reservations")).isEmpty();
        assertThat(parts.api().get("/api/v1/parts-reports/stale-reservations?size=200").json().get("items"))
                .noneSatisfy(r -> assertThat(r.get("repairOrderId").asString()).isEqualTo(repairOrderId));
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent back = probe.await("forecourt.parts.parts-returned.v1", pads);
            EventSchemas.assertValid(back);
            assertThat(back.data().get("orderNumber").asString()).isEqualTo(orderNumber);
            assertThat(back.data().get("lineId").asString()).isEqualTo("line-1");
            EventProbe.ReceivedEvent released = probe.await("forecourt.parts.reservation-released.v1", pads);
            EventSchemas.assertValid(released);
            assertThat(released.data().get("quantity").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aRemovedLineGivesItsReservationBackAndTakesNoMoreIssues() {
        awaitLine("line-2", arm);
        IncomingEvents.publish("forecourt.workshop.parts-line-removed.v1", repairOrderId, """
                {"repairOrderId":"%s","orderNumber":"%s","lineId":"line-1","partNumber":"%s","quantity":4,"reservationId":null,
                 "reason":"customer declined","removedAt":"2026-11-23T10:00:00Z"}""".formatted(repairOrderId, orderNumber, pads));

        await().atMost(Duration.ofSeconds(20)).until(() -> parts.stock(pads, "reserved") == 0);
        Api.Response refused = await().atMost(Duration.ofSeconds(20)).until(() -> issue(orderNumber, pads, 1, "line-1"),
                a -> a.status() == 422);
        assertThat(refused.at("/type")).endsWith("/parts-line-mismatch");
    }

    @Test
    void aReservationWhoseOrderIsUnknownShowsAsStale() {
        String unknownOrder = PartsFixture.id("ro-gone");
        workshop.post("/api/v1/reservations", """
                {"repairOrderId":"%s","lineId":"l1","partNumber":"%s","quantity":1}""".formatted(unknownOrder, arm));

        JsonNode stale = parts.api().get("/api/v1/parts-reports/stale-reservations?size=200").json();
        assertThat(stale.get("items")).anySatisfy(r -> {
            assertThat(r.get("repairOrderId").asString()).isEqualTo(unknownOrder);
            assertThat(r.get("orderStatus").asString()).isEqualTo("UNKNOWN");
            assertThat(r.get("outstanding").asInt()).isEqualTo(1);
        });
        assertThat(stale.get("items")).noneSatisfy(r -> assertThat(r.get("repairOrderId").asString()).isEqualTo(repairOrderId));
    }

    private Api.Response reserve(String line, String partNumber, int quantity) {
        return workshop.post("/api/v1/reservations", """
                {"repairOrderId":"%s","lineId":"%s","partNumber":"%s","quantity":%d}""".formatted(repairOrderId, line, partNumber, quantity));
    }

    private Api.Response issue(String order, String partNumber, int quantity, String line) {
        return parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":%d,"document":{"type":"REPAIR_ORDER","id":"%s"}%s}"""
                .formatted(partNumber, quantity, order, line == null ? "" : ",\"lineId\":\"" + line + "\""));
    }

    private void lineAdded(String line, String partNumber, int quantity, String price, String reservationId) {
        IncomingEvents.publish("forecourt.workshop.parts-line-added.v1", repairOrderId, """
                {"repairOrderId":"%s","orderNumber":"%s","lineId":"%s","jobId":"job-1","partNumber":"%s","description":"part",
                 "quantity":%d,"unitPrice":{"amount":%s,"currency":"CNY"},"payType":"CUSTOMER","reservationId":%s,
                 "addedAt":"2026-11-23T09:10:00Z"}""".formatted(repairOrderId, orderNumber, line, partNumber, quantity, price,
                reservationId == null ? "null" : "\"" + reservationId + "\""));
    }

    /** Waits until parts-service knows the line: an issue of another part against it is then refused as a mismatch. */
    private void awaitLine(String line, String partNumber) {
        await().atMost(Duration.ofSeconds(20)).until(() -> issue(orderNumber, "NOPART0000", 1, line).body()
                .contains("is for part " + partNumber));
    }

    private void handedOver() {
        IncomingEvents.publish("forecourt.workshop.repair-order-handed-over.v1", repairOrderId, """
                {"repairOrderId":"%s","orderNumber":"%s","vin":"LSVAB4BM7RN000001","plate":"沪A12345","brand":"Volkswagen",
                 "model":"Lavida","customerId":"cust-13800000001","customerName":"Wang Fang","customerPhone":"13800000001",
                 "advisorId":"emp-0007","advisorName":"Zhou Min","odometerOutKm":23010,"handedOverAt":"2026-11-23T16:30:00Z",
                 "payTypes":["CUSTOMER"],"reworkOf":null,"amountSettled":{"amount":2090.00,"currency":"CNY"},"billId":"bill-1"}"""
                .formatted(repairOrderId, orderNumber));
    }
}
