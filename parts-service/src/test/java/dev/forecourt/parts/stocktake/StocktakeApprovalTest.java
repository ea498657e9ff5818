package dev.forecourt.parts.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class StocktakeApprovalTest {

    @LocalServerPort
    int port;

    @Test
    void countedVariancesAreBookedAsAdjustmentsOnlyAfterTheManagerApproves() {
        PartsFixture parts = new PartsFixture(port);
        String zone = "S" + UUID.randomUUID().toString().substring(0, 6);
        String lost = parts.part(0, 50, 0, zone + "-01", "20.00");
        String found = parts.part(0, 50, 0, zone + "-02", "5.00");
        parts.receive(lost, 10);
        parts.receive(found, 4);
        Api storekeeper = Api.at(port).checked().as(TestTokens.staff("storekeeper", "parts-storekeeper", "parts:read", "parts:stocktake"));
        Api manager = Api.at(port).checked().as(TestTokens.staff("partsmanager", "parts-manager", "parts:read", "parts:approve-stocktake"));

        Api.Response started = storekeeper.post("/api/v1/stocktakes", "{\"binPrefixes\":[\"" + zone + "\"]}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.at("/id");
        assertThat(started.at("/sheets/0/binLocation")).isEqualTo(zone + "-01");
        assertThat(started.at("/sheets/0/lines/0/bookQuantity")).isEqualTo("10");
        assertThat(storekeeper.post("/api/v1/stocktakes/" + id + "/submit").status()).isEqualTo(422);

        storekeeper.put("/api/v1/stocktakes/" + id + "/counts", """
                {"counts":[{"partNumber":"%s","counted":8},{"partNumber":"%s","counted":5}]}""".formatted(lost, found));
        Api.Response submitted = storekeeper.post("/api/v1/stocktakes/" + id + "/submit");
        assertThat(submitted.at("/status")).isEqualTo("SUBMITTED");
        assertThat(submitted.at("/summary/linesWithVariance")).isEqualTo("2");
        assertThat(submitted.at("/summary/varianceValue")).isEqualTo("-35.0");
        assertThat(parts.stock(lost, "onHand")).isEqualTo(10);

        assertThat(storekeeper.post("/api/v1/stocktakes/" + id + "/approve").status()).isEqualTo(403);
        Api.Response approved = manager.post("/api/v1/stocktakes/" + id + "/approve");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/status")).isEqualTo("APPROVED");
        assertThat(approved.at("/approvedBy/username")).isEqualTo("partsmanager");
        assertThat(manager.post("/api/v1/stocktakes/" + id + "/approve").status()).isEqualTo(409);

        assertThat(parts.stock(lost, "onHand")).isEqualTo(8);
        assertThat(parts.stock(found, "onHand")).isEqualTo(5);
        assertThat(parts.ledgerSum(lost)).isEqualTo(8);
        Api.Response movements = parts.api().get("/api/v1/parts/" + lost + "/movements");
        assertThat(movements.at("/items/1/type")).isEqualTo("ADJUSTMENT");
        assertThat(movements.at("/items/1/document/id")).isEqualTo(id);
        assertThat(movements.at("/items/1/by/username")).isEqualTo("partsmanager");
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent adjusted = probe.await("forecourt.parts.stock-adjusted.v1", lost);
            EventSchemas.assertValid(adjusted);
            assertThat(adjusted.data().get("quantity").asInt()).isEqualTo(-2);
            EventProbe.ReceivedEvent approvedEvent = probe.await("forecourt.parts.stocktake-approved.v1", id);
            EventSchemas.assertValid(approvedEvent);
            assertThat(approvedEvent.data().get("linesCounted").asInt()).isEqualTo(2);
            assertThat(approvedEvent.data().get("netVariance").asInt()).isEqualTo(-1);
            assertThat(approvedEvent.data().get("variances")).hasSize(2);
            assertThat(approvedEvent.data().get("variances").get(0).get("partNumber").asString()).isEqualTo(lost);
            assertThat(approvedEvent.data().get("variances").get(0).get("varianceValue").decimalValue()).isEqualByComparingTo("-40.00");
            assertThat(approvedEvent.data().get("approvedBy").asString()).isEqualTo("partsmanager");
        }
    }
}
