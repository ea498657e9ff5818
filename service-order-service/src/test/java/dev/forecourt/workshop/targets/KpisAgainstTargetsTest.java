package dev.forecourt.workshop.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * Monthly after-sales targets set by the service director, and the KPI report against them: CSI and
 * complaints from CRM's events (a month no other test touches), output, repair orders and return rate
 * from the workshop's own orders (this month, measured as a difference).
 */
class KpisAgainstTargetsTest extends WorkshopIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theServiceDirectorSetsTheMonthsTargetsAndTheKpisFromCrmAreMeasuredAgainstThem() {
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(2060, 2099), ThreadLocalRandom.current().nextInt(1, 13));
        String targets = """
                {"output":{"amount":250000.00,"currency":"CNY"},"repairOrders":400,"csi":85,"returnRate":0.02,"complaintRate":0.01}""";
        assertThat(as(ADVISOR).put("/api/v1/service-targets/" + month, targets).status()).isEqualTo(403);
        assertThat(as(DIRECTOR).put("/api/v1/service-targets/2026-13", targets).status()).isEqualTo(400);
        Api.Response set = as(DIRECTOR).put("/api/v1/service-targets/" + month, targets);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.at("/setBy/employeeId")).isNotBlank();
        assertThat(set.header("ETag")).isEqualTo("\"" + set.at("/version") + "\"");
        Api.Response replaced = as(DIRECTOR).put("/api/v1/service-targets/" + month, targets.replace("\"csi\":85", "\"csi\":86"));
        assertThat(replaced.status()).isEqualTo(200);
        Api.Response stale = as(DIRECTOR).header("If-Match", "\"" + set.at("/version") + "\"").put("/api/v1/service-targets/" + month,
                targets);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("version-conflict");
        assertThat(as(ADVISOR).get("/api/v1/service-targets/" + month).status()).isEqualTo(403);
        assertThat(as(FOREMAN).get("/api/v1/service-targets/" + month).at("/csi")).isEqualTo("86");
        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            EventSchemas.assertValid(probe.await("forecourt.workshop.service-target-set.v1", month.toString()));
        }

        Instant mid = month.atDay(15).atStartOfDay(SHANGHAI).toInstant();
        String tag = unique("kpi");
        callback(tag + "-1", "after-sales", "\"" + tag + "-ro\"", 80, mid);
        callback(tag + "-2", "after-sales", "null", 91, mid.plusSeconds(60));
        callback(tag + "-3", "sales", "null", 10, mid.plusSeconds(120));          // a sales callback: not after-sales
        callback(tag + "-1", "after-sales", "\"" + tag + "-ro\"", 80, mid);       // redelivered under a new event id
        complaint(tag + "-c1", "MAJOR", "after-sales", mid);
        complaint(tag + "-c2", "NORMAL", "workshop", mid.plusSeconds(10));
        complaint(tag + "-c3", "MAJOR", "sales", mid.plusSeconds(20));          // sales' complaint: not counted
        severity(tag + "-c2", "MAJOR", "NORMAL", mid.plusSeconds(3600));
        severity(tag + "-c2", "NORMAL", "MAJOR", mid.plusSeconds(1800));        // older, delivered late: changes nothing
        severity(tag + "-c1", "NORMAL", "MAJOR", mid.plusSeconds(7200));        // c1 downgraded

        String path = "/api/v1/workshop-reports/kpis?month=" + month;
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(as(DIRECTOR).get(path).at("/csiResponses"))
                && "1".equals(as(DIRECTOR).get(path).at("/majorComplaints")));
        Api.Response kpis = as(DIRECTOR).get(path);
        assertThat(kpis.status()).isEqualTo(200);
        assertThat(kpis.json().at("/csi/actual").decimalValue()).isEqualByComparingTo("85.50");
        assertThat(kpis.json().at("/csi/target").decimalValue()).isEqualByComparingTo("86");
        assertThat(kpis.at("/csi/met")).isEqualTo("false");
        assertThat(kpis.at("/targetSet")).isEqualTo("true");
        assertThat(kpis.at("/ordersHandedOver")).isEqualTo("0");
        assertThat(kpis.at("/complaintRate/met")).isNull();   // nothing handed over: no rate
        assertThat(kpis.at("/output/met")).isEqualTo("false");
        assertThat(as(DIRECTOR).get("/api/v1/workshop-reports/kpis?month=20x6-1").status()).isEqualTo(400);
    }

    @Test
    void theOrdersHandedOverThisMonthAddTheirOutputAndAReworkOrderCountsForTheReturnRate() {
        String path = "/api/v1/workshop-reports/kpis?month=" + YearMonth.now(SHANGHAI);
        Api.Response before = as(DIRECTOR).get(path);
        String vin = uniqueVin();
        String id = handOverAWalkIn(vin);
        Api.Response rework = as(ADVISOR).post("/api/v1/repair-orders",
                walkIn(vin, false).replaceFirst("\\{", "{\"reworkOf\":\"" + id + "\","));
        assertThat(rework.status()).as(rework.body()).isEqualTo(201);

        Api.Response after = as(DIRECTOR).get(path);
        assertThat(after.json().get("ordersHandedOver").asLong()).isGreaterThanOrEqualTo(before.json().get("ordersHandedOver").asLong() + 1);
        assertThat(after.json().get("reworkOrders").asLong()).isGreaterThanOrEqualTo(before.json().get("reworkOrders").asLong() + 1);
        assertThat(after.json().at("/repairOrders/actual").asLong())
                .isGreaterThanOrEqualTo(before.json().at("/repairOrders/actual").asLong() + 2);
        assertThat(after.json().at("/output/actual/amount").decimalValue().subtract(before.json().at("/output/actual/amount").decimalValue()))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("336.00")); // 1.2 h × 280
        assertThat(after.json().at("/returnRate/actual").isNull()).isFalse();
    }

    /** A customer-paid walk-in, worked, checked, paid and handed over; returns its id. */
    private String handOverAWalkIn(String vin) {
        String id = openWalkIn(vin, false);
        String name = unique("tech");
        String technician = hireTechnician(name, "maintenance");
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"B4\"}").status()).isEqualTo(200);
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish", "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}").status()).isEqualTo(200);
        payInFull(id);
        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":42010,\"workExplained\":true}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        return id;
    }

    private static void callback(String callbackId, String department, String repairOrderId, int csi, Instant at) {
        IncomingEvents.publish("forecourt.crm.callback-completed.v1", callbackId, """
                {"callbackId":"%s","customerId":"cust-13800000041","customerPhone":"13800000041","kind":"SERVICE_FOLLOW_UP",
                 "department":"%s","repairOrderId":%s,"scores":{"overall":%d},"csi":%d,"complaintRequested":false,
                 "lowScore":false,"lowScores":{},"reworkRequested":false,"completedAt":"%s","completedBy":"emp-crm"}"""
                .formatted(callbackId, department, repairOrderId, csi / 10, csi, at));
    }

    private static void complaint(String complaintId, String severity, String department, Instant at) {
        IncomingEvents.publish("forecourt.crm.complaint-opened.v1", complaintId, """
                {"complaintId":"%s","customerId":"cust-13800000041","source":"INTAKE","severity":"%s","department":"%s",
                 "summary":"waited too long","openedAt":"%s","dueAt":"%s"}""".formatted(complaintId, severity, department, at,
                at.plusSeconds(86400)));
    }

    private static void severity(String complaintId, String severity, String previous, Instant at) {
        IncomingEvents.publish("forecourt.crm.complaint-severity-changed.v1", complaintId, """
                {"complaintId":"%s","customerId":"cust-13800000041","department":"after-sales","severity":"%s",
                 "previousSeverity":"%s","reason":"re-classified","changedAt":"%s","changedBy":"emp-crm"}"""
                .formatted(complaintId, severity, previous, at));
    }
}
