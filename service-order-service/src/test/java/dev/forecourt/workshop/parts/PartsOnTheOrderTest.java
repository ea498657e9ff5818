package dev.forecourt.workshop.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * The order's parts as parts-service handles them: priced at the catalogue price it answers,
 * issued and returned quantities learnt from its events (each counted once), and no handover while
 * a reserved part is neither issued nor released.
 */
class PartsOnTheOrderTest extends WorkshopIntegrationTest {

    static final String VIN = "LSVCD6AZ9RN100001";

    @Test
    void issuedAndReturnedPiecesShowOnTheLineAndARedeliveredEventCountsOnce() {
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(VIN, true));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.json().at("/partsLines/0/unitPrice/amount").decimalValue()).isEqualByComparingTo("680.00");
        String orderNumber = opened.at("/orderNumber");

        String issueData = """
                {"issueId":"iss-%s","partNumber":"5Q0698151","quantity":1,"documentType":"REPAIR_ORDER","documentId":"%s",
                 "orderNumber":"%s","lineId":"line-1","reservationId":"res-1","fromReservation":1,"issuedBy":"storekeeper",
                 "issuedAt":"%s"}""".formatted(id, id, orderNumber, Instant.now());
        IncomingEvents.publish("forecourt.parts.parts-issued.v1", "5Q0698151", issueData);
        IncomingEvents.publish("forecourt.parts.parts-issued.v1", "5Q0698151", issueData); // redelivered with a new event id
        IncomingEvents.publish("forecourt.parts.parts-returned.v1", "5Q0698151", """
                {"returnId":"ret-%s","partNumber":"5Q0698151","quantity":1,"repairOrderId":"%s","orderNumber":"%s",
                 "lineId":"line-1","reason":"wrong side","returnedBy":"storekeeper","returnedAt":"%s"}"""
                .formatted(id, id, orderNumber, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response now = as(ADVISOR).get("/api/v1/repair-orders/" + id);
            assertThat(now.json().at("/partsLines/0/issuedQuantity").asInt()).isEqualTo(1);
            assertThat(now.json().at("/partsLines/0/returnedQuantity").asInt()).isEqualTo(1);
        });
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }

    @Test
    void aCarIsNotHandedOverWhileAReservedPartIsNeitherIssuedNorReleased() {
        String technicianName = unique("tech");
        String technician = hireTechnician(technicianName, "maintenance");
        String id = openWalkIn(VIN, true);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + technicianName + "\",\"bayId\":\"B1\"}");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish", "{\"selfCheckPassed\":true}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}").at("/status"))
                .isEqualTo("QC_PASSED");
        payInFull(id);

        Api.Response refused = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover", "{\"odometerOutKm\":42010,\"workExplained\":true}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).endsWith("/parts-lines-open");
        assertThat(refused.at("/openLines/0")).isEqualTo("line-1");
        assertThat(refused.at("/detail")).contains("5Q0698151");

        // the customer kept the old pads: the storekeeper releases the reservation instead of issuing
        IncomingEvents.publish("forecourt.parts.reservation-released.v1", "5Q0698151", """
                {"reservationId":"res-x","repairOrderId":"%s","lineId":"line-1","partNumber":"5Q0698151","quantity":1,
                 "reason":"not needed","releasedBy":"storekeeper","releasedAt":"%s"}""".formatted(id, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "RELEASED".equals(as(ADVISOR).get("/api/v1/repair-orders/" + id).at("/partsLines/0/reservation")));
        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":42010,\"workExplained\":true}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        assertThat(handedOver.json().at("/partsLines/0/open").asBoolean()).isFalse();
    }

    @Test
    void aRemovedLineTellsPartsServiceToReleaseItsReservation() {
        String id = openWalkIn(VIN, true);
        Api.Response removed = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/parts-lines/line-1/remove",
                "{\"reason\":\"customer brings own pads\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.at("/partsLines/0/removed")).isEqualTo("true");
        assertThat(removed.json().at("/estimate/parts/amount").decimalValue()).isEqualByComparingTo("0");

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var added = probe.await("forecourt.workshop.parts-line-added.v1", id);
            EventSchemas.assertValid(added);
            assertThat(added.data().get("partNumber").asString()).isEqualTo("5Q0698151");
            var gone = probe.await("forecourt.workshop.parts-line-removed.v1", id);
            EventSchemas.assertValid(gone);
            assertThat(gone.data().get("lineId").asString()).isEqualTo("line-1");
            EventSchemas.assertValid(probe.await("forecourt.workshop.repair-order-opened.v1", id));
        }
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }
}
