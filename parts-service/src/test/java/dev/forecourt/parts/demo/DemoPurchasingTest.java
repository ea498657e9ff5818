package dev.forecourt.parts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** The purchasing part of the demo data, run against the real services: what a person trying the stack sees. */
@ForecourtServiceTest
class DemoPurchasingTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Autowired
    Catalogue catalogue;

    @Test
    void theDemoShowsADraftFromTheSuggestionsAndAnOemOrderWithABackOrderThatARepairOrderLineWaitsFor() {
        catalogue.add(DemoData.part("3Q0615301", "Front brake disc 前刹车盘", "pc", "680.00", "C-02-01", 4, 12, 2));
        demoData.purchasing(Instant.now());

        Api planner = Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "purchase-orders:read", "suppliers:read", "parts:read"));
        assertThat(planner.get("/api/v1/suppliers/SVW-PC").at("/kind")).isEqualTo("OEM_PARTS_CENTRE");
        assertThat(planner.get("/api/v1/suppliers/HZ-AUTOPARTS").at("/kind")).isEqualTo("LOCAL");
        JsonNode drafts = planner.get("/api/v1/purchase-orders?status=DRAFT&supplierId=SVW-PC").json().get("items");
        assertThat(drafts).anySatisfy(o -> assertThat(o.get("origin").asString()).isEqualTo("SUGGESTIONS"));
        JsonNode sent = planner.get("/api/v1/purchase-orders?status=CONFIRMED&supplierId=SVW-PC").json().get("items").get(0);
        assertThat(sent.get("lines").get(0).get("backOrdered").asInt()).isEqualTo(4);
        LocalDate arrival = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);

        JsonNode waiting = planner.get("/api/v1/parts/3Q0615301/waiting-lines").json();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("repairOrderId").asString()).isEqualTo("RO-DEMO-0003");
        assertThat(waiting.get(0).get("purchaseOrderNumber").asString()).isEqualTo(sent.get("orderNumber").asString());
        assertThat(waiting.get(0).get("expectedArrival").asString()).isEqualTo(arrival.toString());

        // the workshop's demo (seeded after this one) opens 刘洋's Lavida with 2 front brake discs: refused, then
        // announced; the confirmed order has 4 pieces beyond RO-DEMO-0003's 2, so it covers the line and tells its date
        String liu = "ro-demo-" + UUID.randomUUID();
        Api workshop = Api.at(port).checked().as(TestTokens.staff("svc-workshop", "service-account", "parts:read", "parts:reserve"));
        assertThat(workshop.post("/api/v1/reservations", """
                {"repairOrderId":"%s","lineId":"line-1","partNumber":"3Q0615301","quantity":2}""".formatted(liu)).status()).isEqualTo(409);
        IncomingEvents.publish("forecourt.workshop.parts-line-added.v1", liu, """
                {"repairOrderId":"%s","orderNumber":"RO-LIU","lineId":"line-1","jobId":"job-1","partNumber":"3Q0615301",
                 "description":"Front brake disc","quantity":2,"unitPrice":{"amount":680.00,"currency":"CNY"},"payType":"CUSTOMER",
                 "reservationId":null,"addedAt":"%s"}""".formatted(liu, Instant.now()));
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent expected = probe.await("forecourt.parts.waiting-line-expected.v1", liu);
            EventSchemas.assertValid(expected);
            assertThat(expected.data().get("purchaseOrderNumber").asString()).isEqualTo(sent.get("orderNumber").asString());
            assertThat(expected.data().get("expectedArrival").asString()).isEqualTo(arrival.toString());
            assertThat(expected.data().get("quantity").asInt()).isEqualTo(2);
        }
        assertThat(planner.get("/api/v1/parts/3Q0615301/waiting-lines").json()).hasSize(2)
                .allSatisfy(l -> assertThat(l.get("coveredBy").asString()).isEqualTo("PURCHASE_ORDER"));
    }
}
