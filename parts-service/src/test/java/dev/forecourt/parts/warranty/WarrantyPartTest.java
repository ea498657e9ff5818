package dev.forecourt.parts.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class WarrantyPartTest {

    @LocalServerPort
    int port;

    Api warranty() {
        return Api.at(port).checked().as(TestTokens.staff("warranty", "warranty-administrator", "parts:read", "parts:return"));
    }

    @Test
    void theCausalPartOfAWarrantyJobIsRetainedAndShippedWhenTheClaimAsksForIt() {
        String repairOrder = PartsFixture.id("ro");
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrder, """
                {"repairOrderId":"%s","orderNumber":"RO2026000077","jobId":"job-1","vin":"LSVAB4BM7RN000001","brand":"Volkswagen",
                 "model":"Lavida","odometerKm":23000,"failureDate":"2026-11-20","handedOverAt":"2026-11-23T09:00:00Z",
                 "complaint":"clunk from the front axle","cause":"control arm bush worn","correction":"replaced the control arm",
                 "labourOperations":[{"code":"40-110","description":"replace control arm","hours":1.2}],
                 "parts":[{"partNumber":"06L115562B","description":"oil filter","quantity":1,"unitPrice":{"amount":68.00,"currency":"CNY"}},
                          {"partNumber":"5Q0407151A","description":"control arm","quantity":1,"unitPrice":{"amount":860.00,"currency":"CNY"}}],
                 "causalPartNumber":"5Q0407151A","roadService":false,"outsideServiceKm":null,"technicianId":"emp-0011",
                 "advisorId":"emp-0007"}""".formatted(repairOrder));

        JsonNode retained = await().atMost(Duration.ofSeconds(20)).until(
                () -> warranty().get("/api/v1/warranty-parts?repairOrderId=" + repairOrder).json(), list -> list.size() == 1).get(0);
        assertThat(retained.get("partNumber").asString()).isEqualTo("5Q0407151A");
        assertThat(retained.get("status").asString()).isEqualTo("RETAINED");

        IncomingEvents.publish("forecourt.claims.causal-part-requested.v1", "claim-1", """
                {"claimId":"claim-1","claimNumber":"WC-2026-0001","repairOrderId":"%s","vin":"LSVAB4BM7RN000001",
                 "partNumber":"5Q0407151A","requestedAt":"2026-11-23T10:00:00Z"}""".formatted(repairOrder));

        String id = retained.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SHIPPED".equals(warranty().get("/api/v1/warranty-parts/" + id).at("/status")));
        assertThat(warranty().get("/api/v1/warranty-parts/" + id).at("/claimNumber")).isEqualTo("WC-2026-0001");
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent shipped = probe.await("forecourt.parts.warranty-part-shipped.v1", id);
            EventSchemas.assertValid(shipped);
            assertThat(shipped.data().get("claimNumber").asString()).isEqualTo("WC-2026-0001");
            assertThat(shipped.data().get("repairOrderId").asString()).isEqualTo(repairOrder);
        }
    }

    @Test
    void aRetainedPartIsShippedByHandOnce() {
        Api.Response retained = warranty().post("/api/v1/warranty-parts", """
                {"repairOrderId":"%s","partNumber":"04E905612C","quantity":1}""".formatted(PartsFixture.id("ro")));
        assertThat(retained.status()).isEqualTo(201);
        String id = retained.at("/id");

        Api.Response shipped = warranty().post("/api/v1/warranty-parts/" + id + "/ship", "{\"claimNumber\":\"WC-9\"}");
        Api.Response again = warranty().post("/api/v1/warranty-parts/" + id + "/ship", "{\"claimNumber\":\"WC-9\"}");
        Api.Response noClaim = warranty().post("/api/v1/warranty-parts/" + id + "/ship", "{}");

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.at("/shippedBy")).isEqualTo("warranty");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/currentState")).isEqualTo("SHIPPED");
        assertThat(noClaim.status()).isEqualTo(400);
    }
}
