package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The workshop flow and the service follow-up call, through the gateway with the advisor's, the workshop
 * supervisor's and the demo technician's tokens: appointment → repair order → estimate approved →
 * dispatch → finish → quality check fails → fixed → passes → handover; the workshop's events for
 * that order on Kafka in order, and CRM's service follow-up call.
 */
class E2eWorkshopFlowTest {

    private static final Set<String> STEP_EVENTS = Set.of("forecourt.workshop.repair-order-opened.v1",
            "forecourt.workshop.job-dispatched.v1", "forecourt.workshop.job-completed.v1",
            "forecourt.workshop.quality-check-failed.v1", "forecourt.workshop.repair-order-handed-over.v1");

    @Test
    void aCarGoesFromAppointmentThroughAFailedAndAPassedQualityCheckToHandoverAndCrmPlansTheServiceCall() {
        Staff advisor = Staff.inFlow("advisor");
        Staff foreman = Staff.inFlow("foreman");
        Staff technician = Staff.inFlow("technician");
        String technicianId = FlowSupport.hiredEmployeeId("technician");
        assertThat(technicianId).as("the demo technician's id from hr events matches the token").isEqualTo(technician.employeeId());
        FlowSupport.awaitOnWorkshopRoster(foreman, technicianId);

        String vin = FlowSupport.vin();
        String plate = FlowSupport.plate();
        String phone = FlowSupport.mobile();
        String customer = "E2E 周" + FlowSupport.lowerAlnum(4);
        String vehicle = "{\"vin\":\"%s\",\"plate\":\"%s\",\"brand\":\"Volkswagen\",\"model\":\"Passat\"}".formatted(vin, plate);
        String person = "{\"name\":\"%s\",\"phone\":\"%s\"}".formatted(customer, phone);

        // the appointment, in a random future slot so reruns and other flows do not fill it
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofDays(30 + new SecureRandom().nextInt(300)))
                .plus(Duration.ofMinutes(30L * new SecureRandom().nextInt(2)));
        Api.Response appointment = expect(advisor.api().post("/api/v1/appointments", """
                {"customer":%s,"vehicle":%s,"advisorId":"%s","advisorName":"%s","slotStart":"%s","request":"brakes squeal"}"""
                .formatted(person, vehicle, advisor.employeeId(), advisor.name(), slot)), 201);
        String appointmentId = appointment.at("/id");
        assertThat(expect(advisor.api().post("/api/v1/appointments/" + appointmentId + "/confirm"), 200).at("/status")).isEqualTo("CONFIRMED");

        // reception: the repair order from the appointment, one customer-paid job
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"appointmentId":"%s","vehicle":%s,"customer":%s,"odometerInKm":42310,
                 "complaint":"刹车时有尖锐异响","walkAround":{"exterior":"scratch on rear bumper","interior":"clean","valuables":"none"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"BRK-01","description":"Replace front brake pads","hours":1.2,
                          "payType":"CUSTOMER","requiredSkill":"maintenance"}]}"""
                .formatted(appointmentId, vehicle, person, Instant.now().plus(Duration.ofHours(6)))), 201);
        String orderId = opened.at("/id");
        String jobId = opened.at("/jobs/0/id");
        assertThat(opened.at("/status")).isEqualTo("OPEN");
        assertThat(expect(advisor.api().get("/api/v1/appointments/" + appointmentId), 200).at("/status")).isEqualTo("ARRIVED");

        // the technician may not dispatch; nothing is dispatched before the customer approved the estimate
        assertThat(technician.api().post("/api/v1/repair-orders/" + orderId + "/jobs/" + jobId + "/dispatch",
                "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"B1\"}").status()).isEqualTo(403);
        Api.Response dispatchTooEarly = foreman.api().post("/api/v1/repair-orders/" + orderId + "/jobs/" + jobId + "/dispatch",
                "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"B1\"}");
        assertThat(dispatchTooEarly.status()).isEqualTo(409);
        assertThat(dispatchTooEarly.at("/currentState")).isEqualTo("OPEN");

        Api.Response approved = expect(advisor.api().post("/api/v1/repair-orders/" + orderId + "/approve-estimate",
                "{\"approvedVia\":\"signature on the estimate\"}"), 200);
        assertThat(approved.at("/status")).isEqualTo("IN_WORK");

        // an illegal step: handover before the quality check is 409 with the current state, and nothing changes
        String handover = "{\"odometerOutKm\":42316,\"workExplained\":true}";
        Api.Response tooEarly = advisor.api().post("/api/v1/repair-orders/" + orderId + "/handover", handover);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.isProblem()).isTrue();
        assertThat(tooEarly.at("/currentState")).isEqualTo("IN_WORK");
        Api.Response unchanged = expect(advisor.api().get("/api/v1/repair-orders/" + orderId), 200);
        assertThat(unchanged.at("/status")).isEqualTo("IN_WORK");
        assertThat(unchanged.at("/handover")).isNull();

        // first round: dispatched, done, and the quality check fails with a finding
        FlowSupport.dispatch(foreman, orderId, jobId, technicianId);
        FlowSupport.work(technician, orderId, jobId);
        Api.Response failed = expect(foreman.api().post("/api/v1/repair-orders/" + orderId + "/quality-check",
                "{\"passed\":false,\"findings\":[{\"jobId\":\"%s\",\"finding\":\"pads still squeal at low speed\"}]}".formatted(jobId)), 200);
        assertThat(failed.at("/status")).isEqualTo("IN_WORK");
        assertThat(FlowSupport.jobStatus(failed, jobId)).isEqualTo("RETURNED");
        assertThat(advisor.api().post("/api/v1/repair-orders/" + orderId + "/handover", handover).status()).isEqualTo(409);

        // second round: fixed, and the quality check passes
        Api.Response redispatched = FlowSupport.dispatch(foreman, orderId, jobId, technicianId);
        assertThat(FlowSupport.jobStatus(redispatched, jobId)).isEqualTo("DISPATCHED");
        FlowSupport.work(technician, orderId, jobId);
        assertThat(expect(foreman.api().post("/api/v1/repair-orders/" + orderId + "/quality-check", "{\"passed\":true}"), 200)
                .at("/status")).isEqualTo("QC_PASSED");

        // the bill: handover waits until the customer's share is paid in full, at the cashier's
        Api.Response unpaid = advisor.api().post("/api/v1/repair-orders/" + orderId + "/handover", handover);
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.at("/type")).endsWith("/bill-unpaid");
        Staff cashier = Staff.inFlow("cashier");
        Api.Response bill = expect(cashier.api().get("/api/v1/repair-orders/" + orderId + "/bill"), 200);
        expect(cashier.api().post("/api/v1/repair-orders/" + orderId + "/payments",
                "{\"method\":\"WECHAT_PAY\",\"amount\":" + bill.json().get("outstanding").toString() + "}"), 201);

        Api.Response handedOver = expect(advisor.api().post("/api/v1/repair-orders/" + orderId + "/handover", handover), 200);
        assertThat(handedOver.at("/status")).isEqualTo("HANDED_OVER");
        Instant handedOverAt = Instant.parse(handedOver.at("/handover/handedOverAt"));

        // the order's events on Kafka, in order, keyed by the order
        try (EventProbe workshop = EventProbe.on(RunningStack.KAFKA, "forecourt.workshop.events")) {
            EventProbe.ReceivedEvent last = workshop.await("forecourt.workshop.repair-order-handed-over.v1", orderId);
            List<EventProbe.ReceivedEvent> steps = workshop.about(orderId).stream().filter(e -> STEP_EVENTS.contains(e.type())).toList();
            assertThat(steps).extracting(EventProbe.ReceivedEvent::type).containsExactly(
                    "forecourt.workshop.repair-order-opened.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-completed.v1",
                    "forecourt.workshop.quality-check-failed.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-completed.v1",
                    "forecourt.workshop.repair-order-handed-over.v1");
            for (EventProbe.ReceivedEvent step : workshop.about(orderId)) {
                assertThat(step.key()).isEqualTo(orderId);
                EventSchemas.assertValid(step);
            }
            assertThat(last.data().path("vin").asString()).isEqualTo(vin);
            assertThat(last.data().path("customerPhone").asString()).isEqualTo(phone);
            assertThat(last.data().path("advisorId").asString()).isEqualTo(advisor.employeeId());
            assertThat(last.data().path("odometerOutKm").asInt()).isEqualTo(42316);
            assertThat(last.data().path("payTypes").toString()).isEqualTo("[\"CUSTOMER\"]");
            assertThat(steps.get(1).data().path("technicianId").asString()).isEqualTo(technicianId);
        }

        // CRM: a service follow-up for this customer and order, due within 3 days of the handover, inside a call window
        Staff crm = Staff.inFlow("crm");
        AtomicReference<JsonNode> found = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            Api.Response tasks = expect(crm.api().get("/api/v1/callbacks?kind=SERVICE_FOLLOW_UP&customerId=cust-" + phone), 200);
            assertThat(tasks.json().path("items").size()).as("%s", tasks.body()).isEqualTo(1);
            found.set(tasks.json().path("items").get(0));
        });
        JsonNode task = found.get();
        assertThat(task.path("repairOrderId").asString()).isEqualTo(orderId);
        assertThat(task.path("vin").asString()).isEqualTo(vin);
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        Instant due = Instant.parse(task.path("dueAt").asString());
        assertThat(due).isAfter(handedOverAt).isBefore(handedOverAt.plus(Duration.ofDays(3)));
        assertThat(FlowSupport.inCallWindow(due)).as("due %s in Asia/Shanghai", due.atZone(FlowSupport.STORE_ZONE)).isTrue();
        assertThat(Instant.parse(task.path("deadline").asString())).isBeforeOrEqualTo(handedOverAt.plus(Duration.ofDays(3)));
    }
}
