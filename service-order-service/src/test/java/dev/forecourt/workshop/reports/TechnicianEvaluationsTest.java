package dev.forecourt.workshop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** The monthly evaluation per technician through the API: hours, first-time pass rate and rework of a new technician. */
class TechnicianEvaluationsTest extends WorkshopIntegrationTest {

    @Test
    void aTechniciansMonthShowsTheJobTheQualityCheckAndTheReworkOfTheirCar() {
        String vin = uniqueVin();
        String name = unique("tech");
        String technician = hireTechnician(name, "maintenance");
        String id = openWalkIn(vin, false);
        String bay = freeBay();
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"" + bay + "\"}").status()).isEqualTo(200);
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish", "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check",
                "{\"passed\":false,\"findings\":[{\"jobId\":\"job-1\",\"finding\":\"pads not bedded in\"}]}").status()).isEqualTo(200);
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"" + bay + "\"}").status()).isEqualTo(200);
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish", "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"bedded\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}").status()).isEqualTo(200);
        payInFull(id);
        assertThat(as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover", "{\"odometerOutKm\":42010,\"workExplained\":true}")
                .status()).isEqualTo(200);
        Api.Response rework = as(ADVISOR).post("/api/v1/repair-orders", walkIn(vin, false).replaceFirst("\\{", "{\"reworkOf\":\"" + id + "\","));
        assertThat(rework.status()).as(rework.body()).isEqualTo(201);

        String path = "/api/v1/workshop-reports/technician-evaluations?month=" + YearMonth.now(ZoneId.of("Asia/Shanghai"));
        assertThat(as(ADVISOR).get(path).status()).isEqualTo(403);
        Api.Response month = as(FOREMAN).get(path);
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode mine = null;
        for (tools.jackson.databind.JsonNode t : month.json().get("technicians")) {
            if (t.get("employeeId").asString().equals("emp-" + name)) {
                mine = t;
            }
        }
        assertThat(mine).as(month.body()).isNotNull();
        assertThat(mine.get("jobsFinished").asInt()).isEqualTo(1);
        assertThat(mine.get("hoursSold").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(mine.get("qualityChecked").asInt()).isEqualTo(1);
        assertThat(mine.get("firstTimePassed").asInt()).isZero();           // sent back at the first check
        assertThat(mine.get("reworkOrders").asInt()).isEqualTo(1);
        assertThat(as(FOREMAN).get("/api/v1/workshop-reports/technician-evaluations?month=2026-00").status()).isEqualTo(400);
    }

    /** A bay no other test's job occupies. */
    private String freeBay() {
        for (tools.jackson.databind.JsonNode bay : as(FOREMAN).get("/api/v1/workshop/board").json().get("bays")) {
            if (bay.get("repairOrderId").isNull()) {
                return bay.get("bayId").asString();
            }
        }
        throw new AssertionError("every bay is occupied");
    }
}
