package dev.forecourt.workshop.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

class LateVehicleTest extends WorkshopIntegrationTest {

    @Test
    void aCarDueSoonIsFlaggedLateBeforeThePromisedTimeAndShownOnTheBoard() {
        Instant promised = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = walkIn("LSGZS8F5XRS000001", false).replaceFirst("\"promisedAt\":\"[^\"]+\"", "\"promisedAt\":\"" + promised + "\"");
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", body);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var late = probe.await("forecourt.workshop.vehicle-running-late.v1", id);
            EventSchemas.assertValid(late);
            assertThat(late.data().get("customerPhone").asString()).isEqualTo("13800000001");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response board = as(FOREMAN).get("/api/v1/workshop/board");
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.json().get("late").toString()).contains(id);
            assertThat(board.json().get("waiting").toString()).contains(id, "CUSTOMER_APPROVAL");
            assertThat(board.json().get("bays").size()).isEqualTo(6);
        });
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }
}
