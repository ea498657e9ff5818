package dev.forecourt.workshop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** A technician leaves in the middle of a job: the supervisor gives it to someone else, the leaver can do nothing more. */
class DepartedTechnicianTest extends WorkshopIntegrationTest {

    @Test
    void theWorkshopSupervisorRedispatchesAJobWhoseTechnicianLeftAndTheBayAndBoardFollow() {
        String leaverName = unique("leaver");
        String leaver = hireTechnician(leaverName, "maintenance");
        String successorName = unique("successor");
        String successor = hireTechnician(successorName, "maintenance");
        String id = approvedOrder();
        assertThat(as(FOREMAN).post(job(id) + "/dispatch", dispatch("emp-" + leaverName, "B2")).status()).isEqualTo(200);
        assertThat(as(leaver).post(job(id) + "/start").status()).isEqualTo(200);

        left("emp-" + leaverName, leaverName);
        Api.Response again = as(FOREMAN).post(job(id) + "/dispatch", dispatch("emp-" + successorName, "B4"));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.at("/jobs/0/status")).isEqualTo("DISPATCHED");
        assertThat(again.at("/jobs/0/technician/employeeId")).isEqualTo("emp-" + successorName);
        assertThat(again.at("/jobs/0/bayId")).isEqualTo("B4");
        assertThat(again.at("/jobs/0/formerTechnicianIds/0")).isEqualTo("emp-" + leaverName);
        Api.Response board = as(FOREMAN).get("/api/v1/workshop/board");
        assertThat(board.json().at("/bays/1/repairOrderId").isNull()).isTrue();          // B2 is free again
        assertThat(board.json().at("/bays/3/repairOrderId").asString()).isEqualTo(id);   // B4 holds the job
        assertThat(board.json().at("/bays/3/technicianId").asString()).isEqualTo("emp-" + successorName);

        assertThat(as(successor).post(job(id) + "/start").status()).isEqualTo(200);
        Api.Response finished = as(successor).post(job(id) + "/finish", "{\"selfCheckPassed\":true}");
        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        assertThat(as(FOREMAN).get("/api/v1/workshop/board").json().at("/bays/3/repairOrderId").isNull()).isTrue();
    }

    @Test
    void aJobHeldByATechnicianStillEmployedIsNotTakenAway() {
        String name = unique("tech");
        hireTechnician(name, "maintenance");
        String other = unique("tech");
        hireTechnician(other, "maintenance");
        String id = approvedOrder();
        assertThat(as(FOREMAN).post(job(id) + "/dispatch", dispatch("emp-" + name, "B5")).status()).isEqualTo(200);

        Api.Response taken = as(FOREMAN).post(job(id) + "/dispatch", dispatch("emp-" + other, "B6"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.at("/currentState")).isEqualTo("DISPATCHED");
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }

    @Test
    void aDepartedTechnicianCanNoLongerStartOrFinishAnything() {
        String name = unique("leaver");
        String token = hireTechnician(name, "maintenance");
        String id = approvedOrder();
        assertThat(as(FOREMAN).post(job(id) + "/dispatch", dispatch("emp-" + name, "B3")).status()).isEqualTo(200);
        assertThat(as(token).post(job(id) + "/start").status()).isEqualTo(200);
        assertThat(as(token).post(job(id) + "/pause").status()).isEqualTo(200);
        Api.Response before = as(ADVISOR).get("/api/v1/repair-orders/" + id);

        left("emp-" + name, name);

        Api.Response start = as(token).post(job(id) + "/start");
        assertThat(start.status()).isIn(401, 403);
        Api.Response finish = as(token).post(job(id) + "/finish", "{\"selfCheckPassed\":true}");
        assertThat(finish.status()).isIn(401, 403);
        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + id).body()).isEqualTo(before.body());
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
    }

    private String approvedOrder() {
        String id = openWalkIn("LSVAB4BM0RN000003", false);
        Api.Response approved = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static String job(String id) {
        return "/api/v1/repair-orders/" + id + "/jobs/job-1";
    }

    private static String dispatch(String technicianId, String bay) {
        return "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"" + bay + "\"}";
    }
}
