package dev.forecourt.workshop.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** Every step of the work is an event an analyst can count: estimate approved, extra work proposed/approved/declined, jobs started and paused. */
class WorkEventsTest extends WorkshopIntegrationTest {

    @Test
    void theEstimateExtraWorkAndEveryStartAndPauseArePublished() {
        String name = unique("tech");
        String technician = hireTechnician(name, "maintenance");
        String id = openWalkIn("LSVAB4BM9RN000002", false);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/jobs", """
                {"labourOperationCode":"SUS-22","description":"Replace front control arm","hours":1.5,"payType":"CUSTOMER"}""");
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/jobs", """
                {"labourOperationCode":"AC-01","description":"Clean the air conditioning","hours":0.5,"payType":"CUSTOMER"}""");
        assertThat(as(ADVISOR).post("/api/v1/repair-orders/" + id + "/jobs/job-3/decline").status()).isEqualTo(200);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"phone call\"}");
        as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch", "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"B6\"}");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/pause");
        Api.Response resumed = as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            probe.await("forecourt.workshop.repair-order-cancelled.v1", id);
            List<EventProbe.ReceivedEvent> events = probe.about(id);
            assertThat(events).extracting(EventProbe.ReceivedEvent::type).containsExactly(
                    "forecourt.workshop.repair-order-opened.v1",
                    "forecourt.workshop.estimate-approved.v1",
                    "forecourt.workshop.extra-work-proposed.v1",
                    "forecourt.workshop.extra-work-proposed.v1",
                    "forecourt.workshop.extra-work-declined.v1",
                    "forecourt.workshop.extra-work-approved.v1",
                    "forecourt.workshop.job-dispatched.v1",
                    "forecourt.workshop.job-started.v1",
                    "forecourt.workshop.job-paused.v1",
                    "forecourt.workshop.job-started.v1",
                    "forecourt.workshop.repair-order-cancelled.v1");
            events.forEach(EventSchemas::assertValid);
            assertThat(events.get(5).data().get("jobIds").toString()).isEqualTo("[\"job-2\"]");
            assertThat(events.get(5).data().get("total").get("amount").decimalValue()).isEqualByComparingTo("420.00");
            assertThat(events.get(9).data().get("resumed").asBoolean()).isTrue();
        }
    }
}
