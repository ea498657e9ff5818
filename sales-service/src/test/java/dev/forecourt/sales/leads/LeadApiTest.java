package dev.forecourt.sales.leads;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;

@ForecourtServiceTest
class LeadApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    Api.Response open(String token, String source) {
        return fx.as(token).post("/api/v1/leads", """
                {"customer":{"name":"王强","phone":"13800000003"},"source":"%s","interest":{"model":"Passat","trim":"330TSI"}}"""
                .formatted(source));
    }

    @Test
    void aConsultantOpensALeadAssignedToThemselvesButTheStockAdministratorCannot() {
        Api.Response lead = open(CONSULTANT, "WALK_IN");
        assertThat(lead.status()).isEqualTo(201);
        assertThat(lead.at("/status")).isEqualTo("NEW");
        assertThat(lead.at("/consultant/id")).isEqualTo("emp-sales");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent opened = probe.await("forecourt.sales.lead-opened.v1", lead.at("/id"));
            EventSchemas.assertValid(opened);
            assertThat(opened.data().get("customerId").asString()).isEqualTo("cust-13800000003");
        }
        assertThat(open(STOCK_ADMIN, "WALK_IN").status()).isEqualTo(403);
        Api.Response badPhone = fx.as(CONSULTANT).post("/api/v1/leads",
                "{\"customer\":{\"name\":\"x\",\"phone\":\"12345\"},\"source\":\"WEB\",\"interest\":{\"model\":\"Passat\"}}");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.at("/errors/0/field")).isEqualTo("customer.phone");
    }

    @Test
    void aLeadNotContactedInTimeIsFlaggedAndAContactClearsTheFlag() {
        String id = open(CONSULTANT, "WEB").at("/id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(fx.as(CONSULTANT).get("/api/v1/leads/" + id).at("/contactOverdue")));
        assertThat(fx.as(CONSULTANT).get("/api/v1/leads?overdue=true&size=200").json().get("items").findValuesAsString("id")).contains(id);

        Api.Response contacted = fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/contacts", "{\"channel\":\"PHONE\",\"note\":\"called back\"}");
        assertThat(contacted.status()).isEqualTo(200);
        assertThat(contacted.at("/status")).isEqualTo("CONTACTED");
        assertThat(contacted.at("/contactOverdue")).isEqualTo("false");
        assertThat(contacted.at("/contacts/0/byId")).isEqualTo("emp-sales");
        assertThat(fx.as(CONSULTANT).get("/api/v1/leads?overdue=true&size=200").json().get("items").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void aLostLeadNeedsAReasonAndPublishesLeadLost() {
        String id = open(CONSULTANT, "PHONE").at("/id");
        Api.Response noReason = fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/lost", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.at("/type")).isEqualTo("https://forecourt.dev/problems/lost-reason-required");
        assertThat(fx.as(CONSULTANT).get("/api/v1/leads/" + id).at("/status")).isEqualTo("NEW");

        Api.Response lost = fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/lost", "{\"reason\":\"bought a competitor\"}");
        assertThat(lost.at("/status")).isEqualTo("LOST");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.lead-lost.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("reason").asString()).isEqualTo("bought a competitor");
        }
    }

    @Test
    void aLeadMovesThroughTheFunnelAndIsWonByItsConfirmedOrder() {
        String id = open(CONSULTANT, "WALK_IN").at("/id");
        Api.Response skipped = fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/progress", "{\"status\":\"QUOTED\"}");
        assertThat(skipped.status()).isEqualTo(409);
        fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/contacts", "{\"channel\":\"IN_PERSON\",\"note\":\"walk-in\"}");
        assertThat(fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/progress", "{\"status\":\"NEGOTIATING\"}").at("/status"))
                .isEqualTo("NEGOTIATING");
        assertThat(fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/progress", "{\"status\":\"QUOTED\"}").status()).isEqualTo(409);

        String vin = fx.vehicleInStock("120000.00", true);
        Api.Response draft = fx.as(CONSULTANT).post("/api/v1/sales-orders", """
                {"customer":{"name":"王强","phone":"13800000003"},"vin":"%s","leadId":"%s"}""".formatted(vin, id));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-orders/" + draft.at("/id") + "/confirm").status()).isEqualTo(200);

        Api.Response won = fx.as(CONSULTANT).get("/api/v1/leads/" + id);
        assertThat(won.at("/status")).isEqualTo("WON");
        assertThat(won.at("/salesOrderId")).isEqualTo(draft.at("/id"));
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.lead-won.v1", id));
        }
    }

    @Test
    void aStaleIfMatchOnALeadIsAVersionConflictAndTheCurrentOneMovesItOnWithANewETag() {
        String id = open(CONSULTANT, "WALK_IN").at("/id");
        Api.Response read = fx.as(CONSULTANT).get("/api/v1/leads/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.at("/version") + "\"");

        Api.Response current = fx.as(CONSULTANT).header("If-Match", etag).post("/api/v1/leads/" + id + "/contacts",
                "{\"channel\":\"PHONE\",\"note\":\"called back\"}");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + current.at("/version") + "\"");

        Api.Response stale = fx.as(CONSULTANT).header("If-Match", etag).post("/api/v1/leads/" + id + "/contacts",
                "{\"channel\":\"PHONE\",\"note\":\"called again\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        assertThat(stale.at("/currentVersion")).isEqualTo(current.at("/version"));
        assertThat(fx.as(CONSULTANT).get("/api/v1/leads/" + id).json().get("contacts").size()).isEqualTo(1);

        Api.Response bodyVersion = fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/progress",
                "{\"status\":\"QUOTED\",\"version\":" + read.at("/version") + "}");
        assertThat(bodyVersion.status()).isEqualTo(409);
        assertThat(fx.as(CONSULTANT).header("If-Match", "not-a-tag").post("/api/v1/leads/" + id + "/progress",
                "{\"status\":\"QUOTED\"}").status()).isEqualTo(400);
    }
}
