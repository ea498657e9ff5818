package dev.forecourt.workshop.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * The whole workshop flow at service level, as the gateway-level flow will drive it with role
 * tokens: appointment → repair order → estimate approved → dispatch → finish → quality check
 * fails → fixed → passes → handover, and the events on Kafka in order for that order.
 */
class RepairOrderFlowTest extends WorkshopIntegrationTest {

    static final String VIN = "LSVAB4BM7RN000001";

    @Test
    void anAppointmentBecomesARepairOrderThatIsWorkedCheckedAndHandedOverWithItsEventsInOrder() {
        String technicianName = unique("tech");
        String technician = hireTechnician(technicianName, "engine", "maintenance");
        String technicianId = "emp-" + technicianName;
        String advisorId = unique("advisor");

        // Appointment: booked, confirmed
        Instant slot = Instant.parse("2027-01-01T02:00:00Z").plus(ThreadLocalRandom.current().nextInt(1, 3000), ChronoUnit.DAYS);
        Api.Response booked = as(ADVISOR).post("/api/v1/appointments", """
                {"customer":{"name":"李娜","phone":"13800000002"},
                 "vehicle":{"vin":"%s","plate":"沪B12345","brand":"Volkswagen","model":"Tiguan L"},
                 "advisorId":"%s","advisorName":"王顾问","slotStart":"%s","request":"engine warning light"}
                """.formatted(VIN, advisorId, slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.header("Location")).endsWith(booked.at("/id"));
        assertThat(booked.at("/status")).isEqualTo("REQUESTED");
        String appointmentId = booked.at("/id");
        assertThat(as(ADVISOR).post("/api/v1/appointments/" + appointmentId + "/confirm").at("/status")).isEqualTo("CONFIRMED");

        // Reception: a customer-paid job and a warranty job with its causal part
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", """
                {"appointmentId":"%s",
                 "vehicle":{"vin":"%s","plate":"沪B12345","brand":"Volkswagen","model":"Tiguan L"},
                 "customer":{"name":"李娜","phone":"13800000002"},
                 "odometerInKm":18230,"complaint":"发动机故障灯亮，加速无力",
                 "walkAround":{"exterior":"no damage","interior":"clean","valuables":"dashcam"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-10K","description":"10,000 km service","hours":1.0,"payType":"CUSTOMER",
                          "requiredSkill":"maintenance"},
                         {"labourOperationCode":"ENG-IGN-04","description":"Replace spark plugs","hours":0.8,"payType":"WARRANTY",
                          "requiredSkill":"engine",
                          "warranty":{"cause":"spark plug electrode worn prematurely","correction":"replaced four spark plugs",
                                      "causalPartNumber":"04E905612C","failureDate":"2026-11-20","roadService":false}}],
                 "partsLines":[{"jobIndex":0,"partNumber":"06L115562B","description":"oil filter","quantity":1},
                               {"jobIndex":1,"partNumber":"04E905612C","description":"spark plug","quantity":4}]}
                """.formatted(appointmentId, VIN, hoursFromNow(6)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.at("/status")).isEqualTo("OPEN");
        assertThat(opened.at("/orderNumber")).matches("RO\\d{10}");
        assertThat(opened.at("/partsLines/0/reservation")).isEqualTo("RESERVED");
        assertThat(opened.at("/partsLines/1/reservation")).isEqualTo("RESERVED");
        assertThat(opened.at("/partsNotice")).isNull();
        assertThat(opened.json().at("/partsLines/1/unitPrice/amount").decimalValue()).isEqualByComparingTo("95.50"); // catalogue price
        assertThat(opened.at("/partsLines/1/payType")).isEqualTo("WARRANTY");
        assertThat(opened.at("/customer/customerId")).isEqualTo("cust-13800000002");
        assertThat(opened.json().at("/estimate/total/amount").decimalValue()).isEqualByComparingTo("971.00"); // 1.8 h × 280 + 85 + 4 × 95.50
        assertThat(as(ADVISOR).get("/api/v1/appointments/" + appointmentId).at("/status")).isEqualTo("ARRIVED");

        // No work before the customer's approval
        Api.Response tooEarly = as(FOREMAN).post(jobPath(id, "job-1") + "/dispatch", dispatch(technicianId, "B1"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.at("/currentState")).isEqualTo("OPEN");

        Api.Response approved = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(approved.at("/status")).isEqualTo("IN_WORK");

        work(id, "job-1", technicianId, technician, "B1");
        work(id, "job-2", technicianId, technician, "B1");

        Api.Response failed = as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", """
                {"passed":false,"findings":[{"jobId":"job-2","finding":"plug 3 not torqued to spec"}]}""");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.at("/jobs/1/status")).isEqualTo("RETURNED");
        assertThat(failed.at("/status")).isEqualTo("IN_WORK");

        work(id, "job-2", technicianId, technician, "B1");
        issueOpenLines(id);
        Api.Response passed = as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}");
        assertThat(passed.at("/status")).isEqualTo("QC_PASSED");
        assertThat(passed.json().at("/partsLines/1/issuedQuantity").asInt()).isEqualTo(4);

        // The bill: customer 1.0 h × 280 + 85 = 365 + 13 % VAT 47.45; warranty 0.8 h × 280 + 4 × 95.50 = 606 + 78.78
        Api.Response bill = as(CASHIER).get("/api/v1/repair-orders/" + id + "/bill");
        assertThat(bill.status()).as(bill.body()).isEqualTo(200);
        assertThat(bill.header("ETag")).isNotNull();
        assertThat(bill.json().at("/shares/0/payer").asString()).isEqualTo("CUSTOMER");
        assertThat(bill.json().at("/shares/0/net/amount").decimalValue()).isEqualByComparingTo("365.00");
        assertThat(bill.json().at("/shares/0/vat/amount").decimalValue()).isEqualByComparingTo("47.45");
        assertThat(bill.json().at("/shares/1/payer").asString()).isEqualTo("WARRANTY");
        assertThat(bill.json().at("/shares/1/gross/amount").decimalValue()).isEqualByComparingTo("684.78");
        assertThat(bill.json().at("/customerDue/amount").decimalValue()).isEqualByComparingTo("412.45");

        Api.Response partly = as(CASHIER).post("/api/v1/repair-orders/" + id + "/payments",
                "{\"method\":\"WECHAT_PAY\",\"amount\":{\"amount\":400.00,\"currency\":\"CNY\"}}");
        assertThat(partly.status()).as(partly.body()).isEqualTo(201);
        assertThat(partly.json().at("/outstanding/amount").decimalValue()).isEqualByComparingTo("12.45");
        Api.Response unpaid = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":18236,\"workExplained\":true}");
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.at("/type")).endsWith("/bill-unpaid");
        assertThat(as(ADVISOR).post("/api/v1/repair-orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amount\":{\"amount\":12.45,\"currency\":\"CNY\"}}").status()).isEqualTo(403);
        assertThat(as(CASHIER).post("/api/v1/repair-orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amount\":{\"amount\":12.45,\"currency\":\"CNY\"}}").status()).isEqualTo(201);

        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover", """
                {"odometerOutKm":18236,"workExplained":true}""");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        assertThat(handedOver.at("/status")).isEqualTo("HANDED_OVER");
        assertThat(handedOver.json().at("/handover/amountSettled/amount").decimalValue()).isEqualByComparingTo("412.45");

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            EventSchemas.assertValid(probe.await("forecourt.workshop.appointment-booked.v1", appointmentId));
            var warranty = probe.await("forecourt.workshop.warranty-job-completed.v1", id);
            List<EventProbe.ReceivedEvent> events = probe.about(id);
            assertThat(events).extracting(EventProbe.ReceivedEvent::type).containsExactly(
                    "forecourt.workshop.repair-order-opened.v1",
                    "forecourt.workshop.parts-line-added.v1",
                    "forecourt.workshop.parts-line-added.v1",
                    "forecourt.workshop.estimate-approved.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-started.v1",
                    "forecourt.workshop.job-completed.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-started.v1",
                    "forecourt.workshop.job-completed.v1",
                    "forecourt.workshop.quality-check-failed.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-started.v1",
                    "forecourt.workshop.job-completed.v1",
                    "forecourt.workshop.bill-issued.v1",
                    "forecourt.workshop.payment-recorded.v1",
                    "forecourt.workshop.payment-recorded.v1",
                    "forecourt.workshop.bill-settled.v1",
                    "forecourt.workshop.repair-order-handed-over.v1",
                    "forecourt.workshop.warranty-job-completed.v1");
            events.forEach(EventSchemas::assertValid);
            assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo(id));
            assertThat(events.get(1).data().get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("85.00");
            assertThat(events.get(2).data().get("payType").asString()).isEqualTo("WARRANTY");
            assertThat(events.get(14).data().get("customerDue").get("amount").decimalValue()).isEqualByComparingTo("412.45");

            var handover = events.get(18).data();
            assertThat(handover.get("customerPhone").asString()).isEqualTo("13800000002");
            assertThat(handover.get("customerId").asString()).isEqualTo("cust-13800000002");
            assertThat(handover.get("odometerOutKm").asInt()).isEqualTo(18236);
            assertThat(handover.get("advisorId").asString()).isEqualTo("emp-advisor");
            assertThat(handover.get("payTypes").toString()).isEqualTo("[\"CUSTOMER\",\"WARRANTY\"]");
            assertThat(handover.get("reworkOf").isNull()).isTrue();

            var claim = warranty.data();
            assertThat(claim.get("jobId").asString()).isEqualTo("job-2");
            assertThat(claim.get("causalPartNumber").asString()).isEqualTo("04E905612C");
            assertThat(claim.get("failureDate").asString()).isEqualTo("2026-11-20");
            assertThat(claim.get("technicianId").asString()).isEqualTo(technicianId);
            assertThat(claim.get("parts").get(0).get("quantity").asInt()).isEqualTo(4);
            assertThat(claim.get("complaint").asString()).isEqualTo("发动机故障灯亮，加速无力");
            assertThat(events.get(10).data().get("findings").get(0).get("technicianId").asString()).isEqualTo(technicianId);
        }
        // the business counter of opened orders is exported
        assertThat(Api.at(port).get("/actuator/prometheus").body()).contains("forecourt_repair_orders_opened_total");
    }

    @Test
    void aReworkOrderIsLinkedToTheEarlierOrderAndCountedInTheReworkRate() {
        String technicianName = unique("tech");
        String technician = hireTechnician(technicianName, "maintenance");
        String earlier = openWalkIn(VIN, false);
        as(ADVISOR).post("/api/v1/repair-orders/" + earlier + "/approve-estimate", "{\"approvedVia\":\"phone\"}");
        work(earlier, "job-1", "emp-" + technicianName, technician, "B6");
        as(FOREMAN).post("/api/v1/repair-orders/" + earlier + "/quality-check", "{\"passed\":true}");
        payInFull(earlier);
        assertThat(as(ADVISOR).post("/api/v1/repair-orders/" + earlier + "/handover",
                "{\"odometerOutKm\":42001,\"workExplained\":true}").status()).isEqualTo(200);

        String body = walkIn(VIN, false).replaceFirst("\\{", "{\"reworkOf\":\"" + earlier + "\",");
        Api.Response rework = as(ADVISOR).post("/api/v1/repair-orders", body);
        assertThat(rework.status()).as(rework.body()).isEqualTo(201);
        assertThat(rework.at("/reworkOf")).isEqualTo(earlier);

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.Response report = as(FOREMAN).get("/api/v1/workshop-reports/rework?from=" + today + "&to=" + today);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("rework").asLong()).isPositive();
        assertThat(report.json().get("rate").asDouble()).isPositive();

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var recorded = probe.await("forecourt.workshop.rework-recorded.v1", rework.at("/id"));
            EventSchemas.assertValid(recorded);
            assertThat(recorded.data().get("reworkOf").asString()).isEqualTo(earlier);
        }
    }

    private void work(String id, String jobId, String technicianId, String technician, String bay) {
        Api.Response dispatched = as(FOREMAN).post(jobPath(id, jobId) + "/dispatch", dispatch(technicianId, bay));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        assertThat(as(technician).post(jobPath(id, jobId) + "/start").status()).isEqualTo(200);
        Api.Response finished = as(technician).post(jobPath(id, jobId) + "/finish", "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}");
        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
    }

    static String jobPath(String id, String jobId) {
        return "/api/v1/repair-orders/" + id + "/jobs/" + jobId;
    }

    static String dispatch(String technicianId, String bay) {
        return "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"" + bay + "\"}";
    }
}
