package dev.forecourt.workshop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

class DailyReportSignOffTest extends WorkshopIntegrationTest {

    static final String SERVICE_MANAGER = TestTokens.staff("service-manager", "service-manager", "workshop:read",
            "daily-reports:sign", "repair-orders:read");

    @Test
    void aSignedDailyReportIsFrozenWhateverHappensAfterwards() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String path = "/api/v1/workshop-reports/daily?date=" + today;
        openWalkIn("LSVAB4BM9RN000002", false);
        Api.Response live = as(SERVICE_MANAGER).get(path);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().get("signed").asBoolean()).isFalse();
        assertThat(live.json().at("/figures/ordersOpened").asLong()).isPositive();

        assertThat(as(ADVISOR).post("/api/v1/workshop-reports/daily/" + today + "/sign").status()).isEqualTo(403);
        Api.Response signed = as(SERVICE_MANAGER).post("/api/v1/workshop-reports/daily/" + today + "/sign");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("signed").asBoolean()).isTrue();
        assertThat(signed.at("/signedBy")).isEqualTo("emp-service-manager");
        var frozen = signed.json().get("figures");

        String later = openWalkIn("LSVAB4BM9RN000002", false); // a car arriving after the sign-off
        Api.Response after = as(SERVICE_MANAGER).get(path);
        assertThat(after.json().get("figures")).isEqualTo(frozen);
        assertThat(after.json().get("signed").asBoolean()).isTrue();

        Api.Response again = as(SERVICE_MANAGER).post("/api/v1/workshop-reports/daily/" + today + "/sign");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/type")).endsWith("/report-already-signed");
        Api.Response future = as(SERVICE_MANAGER).post("/api/v1/workshop-reports/daily/" + today.plusDays(2) + "/sign");
        assertThat(future.status()).isEqualTo(422);

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            EventSchemas.assertValid(probe.await("forecourt.workshop.daily-report-signed.v1", today.toString()));
        }
        as(ADVISOR).post("/api/v1/repair-orders/" + later + "/cancel", "{\"reason\":\"test over\"}");
    }

    @Test
    void theVehicleHistoryListsEveryOrderOfTheCarWithItsJobsAndParts() {
        String id = openWalkIn("LSVCD6AZ9RN100001", true);
        Api.Response history = as(ADVISOR).get("/api/v1/vehicle-histories/LSVCD6AZ9RN100001");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("repairOrders").toString()).contains(id, "BRK-01", "5Q0698151");
        assertThat(as(ADVISOR).get("/api/v1/vehicle-histories/LSVAB4BM0RN999999").status()).isEqualTo(404);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }
}
