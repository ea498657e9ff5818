package dev.forecourt.workshop.flow;

import static dev.forecourt.workshop.flow.RepairOrderFlowTest.dispatch;
import static dev.forecourt.workshop.flow.RepairOrderFlowTest.jobPath;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** Steps out of order answer 409 with the current state, and the order stays exactly as it was. */
class IllegalStepsTest extends WorkshopIntegrationTest {

    static final String VIN = "LSVAB4BM0RN000003";

    @Test
    void aVehicleIsNotHandedOverBeforeItsQualityCheck() {
        String id = approvedOrder();
        Api.Response before = as(ADVISOR).get("/api/v1/repair-orders/" + id);

        Api.Response handover = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":42010,\"workExplained\":true}");

        assertThat(handover.status()).isEqualTo(409);
        assertThat(handover.isProblem()).isTrue();
        assertThat(handover.at("/currentState")).isEqualTo("IN_WORK");
        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + id).body()).isEqualTo(before.body());
    }

    @Test
    void aJobIsNotDispatchedToATechnicianWhoHasLeft() {
        String name = unique("leaver");
        hireTechnician(name, "maintenance");
        left("emp-" + name, name);
        String id = approvedOrder();
        Api.Response before = as(ADVISOR).get("/api/v1/repair-orders/" + id);

        Api.Response dispatched = as(FOREMAN).post(jobPath(id, "job-1") + "/dispatch", dispatch("emp-" + name, "B2"));

        assertThat(dispatched.status()).isEqualTo(409);
        assertThat(dispatched.at("/currentState")).isEqualTo("LEFT");
        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + id).body()).isEqualTo(before.body());
        assertThat(as(FOREMAN).get("/api/v1/workshop/board").json().at("/bays/1/repairOrderId").isNull()).isTrue();
    }

    @Test
    void aBayOrATechnicianIsNotDoubleBooked() {
        String first = unique("tech");
        String second = unique("tech");
        hireTechnician(first, "maintenance");
        hireTechnician(second, "maintenance");
        String busy = approvedOrder();
        String other = approvedOrder();
        assertThat(as(FOREMAN).post(jobPath(busy, "job-1") + "/dispatch", dispatch("emp-" + first, "B3")).status()).isEqualTo(200);
        Api.Response before = as(ADVISOR).get("/api/v1/repair-orders/" + other);

        Api.Response sameBay = as(FOREMAN).post(jobPath(other, "job-1") + "/dispatch", dispatch("emp-" + second, "B3"));
        assertThat(sameBay.status()).isEqualTo(409);
        assertThat(sameBay.at("/currentState")).isEqualTo("OCCUPIED");
        assertThat(sameBay.at("/occupiedBy")).isEqualTo(busy);

        Api.Response sameTechnician = as(FOREMAN).post(jobPath(other, "job-1") + "/dispatch", dispatch("emp-" + first, "B4"));
        assertThat(sameTechnician.status()).isEqualTo(409);
        assertThat(sameTechnician.at("/currentState")).isEqualTo("OCCUPIED");

        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + other).body()).isEqualTo(before.body());
        // the failed attempts took neither the second technician nor bay B4
        assertThat(as(FOREMAN).post(jobPath(other, "job-1") + "/dispatch", dispatch("emp-" + second, "B4")).status()).isEqualTo(200);

        // cancelling frees the bay for the next car
        Api.Response cancelled = as(ADVISOR).post("/api/v1/repair-orders/" + busy + "/cancel", "{\"reason\":\"customer withdrew\"}");
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        Api.Response board = as(FOREMAN).get("/api/v1/workshop/board");
        assertThat(board.json().at("/bays/2/repairOrderId").isNull()).isTrue();
        assertThat(board.json().at("/bays/3/repairOrderId").asString()).isEqualTo(other);
        assertThat(board.json().at("/bays/3/technicianId").asString()).isEqualTo("emp-" + second);
        as(ADVISOR).post("/api/v1/repair-orders/" + other + "/cancel", "{\"reason\":\"test over\"}");
    }

    @Test
    void twoSupervisorsDispatchingTheSameJobAtOnceLeaveExactlyOneAssignment() throws Exception {
        String first = unique("tech");
        String second = unique("tech");
        hireTechnician(first, "maintenance");
        hireTechnician(second, "maintenance");
        String id = approvedOrder();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> as(FOREMAN).post(jobPath(id, "job-1") + "/dispatch", dispatch("emp-" + first, "B5")).status());
            var b = pool.submit(() -> as(FOREMAN).post(jobPath(id, "job-1") + "/dispatch", dispatch("emp-" + second, "B6")).status());
            assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        String winner = as(ADVISOR).get("/api/v1/repair-orders/" + id).at("/jobs/0/bayId");
        Api.Response board = as(FOREMAN).get("/api/v1/workshop/board");
        assertThat(board.json().get("bays").toString().split(id, -1)).hasSize(2); // the order sits in one bay only
        assertThat(board.json().at("/bays/" + ("B5".equals(winner) ? 4 : 5) + "/repairOrderId").asString()).isEqualTo(id);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }

    @Test
    void extraWorkFoundDuringTheRepairIsNotDispatchedBeforeTheCustomerApprovesIt() {
        String name = unique("tech");
        hireTechnician(name, "maintenance");
        String id = approvedOrder();
        Api.Response extra = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/jobs", """
                {"labourOperationCode":"SUS-22","description":"Replace front control arm","hours":1.5,"payType":"CUSTOMER"}""");
        assertThat(extra.status()).as(extra.body()).isEqualTo(201);
        assertThat(extra.at("/jobs/1/status")).isEqualTo("PROPOSED");
        assertThat(extra.at("/jobs/1/extraWork")).isEqualTo("true");

        Api.Response tooEarly = as(FOREMAN).post(jobPath(id, "job-2") + "/dispatch", dispatch("emp-" + name, "B5"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.at("/currentState")).isEqualTo("PROPOSED");

        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"phone call\"}");
        assertThat(as(FOREMAN).post(jobPath(id, "job-2") + "/dispatch", dispatch("emp-" + name, "B5")).status()).isEqualTo(200);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");

        try (var probe = dev.forecourt.platform.test.EventProbe.on("forecourt.workshop.events")) {
            var cancelled = probe.await("forecourt.workshop.repair-order-cancelled.v1", id);
            dev.forecourt.platform.test.EventSchemas.assertValid(cancelled);
        }
    }

    private String approvedOrder() {
        String id = openWalkIn(VIN, false);
        Api.Response approved = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }
}
