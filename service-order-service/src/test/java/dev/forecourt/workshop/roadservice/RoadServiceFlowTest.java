package dev.forecourt.workshop.roadservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * Road service (外出服务): the workshop supervisor sends a technician out with the van, records its
 * return; the warranty job quoting the outside-service order takes its kilometres, and the claim
 * event carries the order (number, technician, odometer out and back).
 */
class RoadServiceFlowTest extends WorkshopIntegrationTest {

    @Test
    void aWarrantyJobQuotingTheOutsideServiceOrderIsClaimedWithItsKilometres() {
        String vin = uniqueVin();
        String name = unique("tech");
        String technician = hireTechnician(name, "engine");
        String dispatch = """
                {"vin":"%s","location":"G15 km 120, Jiading","technicianId":"emp-%s","departureOdometerKm":52000}"""
                .formatted(vin, name);
        assertThat(as(ADVISOR).post("/api/v1/road-service-orders", dispatch).status()).isEqualTo(403);
        Api.Response out = as(FOREMAN).post("/api/v1/road-service-orders", dispatch);
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        String rsId = out.at("/id");
        String number = out.at("/orderNumber");
        assertThat(number).matches("RS\\d{10}");
        assertThat(out.header("Location")).endsWith("/api/v1/road-service-orders/" + rsId);
        assertThat(out.at("/technician/employeeId")).isEqualTo("emp-" + name);
        assertThat(out.at("/status")).isEqualTo("OUT");

        // the van is not back yet: its kilometres are not known
        Api.Response early = as(ADVISOR).post("/api/v1/repair-orders", warrantyWalkIn(vin, number, null));
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.at("/type")).endsWith("road-service-not-returned");

        assertThat(as(FOREMAN).post("/api/v1/road-service-orders/" + rsId + "/return", "{\"returnOdometerKm\":51000}").at("/type"))
                .endsWith("odometer-decreased");
        Api.Response back = as(FOREMAN).post("/api/v1/road-service-orders/" + rsId + "/return", "{\"returnOdometerKm\":52086}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.at("/drivenKm")).isEqualTo("86");
        assertThat(as(FOREMAN).post("/api/v1/road-service-orders/" + rsId + "/return", "{\"returnOdometerKm\":52090}").status())
                .isEqualTo(409);
        assertThat(as(ADVISOR).get("/api/v1/road-service-orders?vin=" + vin).at("/items/0/orderNumber")).isEqualTo(number);

        Api.Response mismatch = as(ADVISOR).post("/api/v1/repair-orders", warrantyWalkIn(vin, number, 90));
        assertThat(mismatch.status()).as(mismatch.body()).isEqualTo(422);
        assertThat(mismatch.at("/type")).endsWith("outside-service-km-mismatch");
        assertThat(mismatch.at("/drivenKm")).isEqualTo("86");

        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", warrantyWalkIn(vin, number, null));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.at("/jobs/0/warranty/outsideServiceKm")).isEqualTo("86");
        assertThat(opened.at("/jobs/0/warranty/roadServiceOrder/orderNumber")).isEqualTo(number);

        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"B3\"}").status()).isEqualTo(200);
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        assertThat(as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish",
                "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}").status()).isEqualTo(200);
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}").status()).isEqualTo(200);
        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":61001,\"workExplained\":true}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var dispatched = probe.await("forecourt.workshop.road-service-dispatched.v1", rsId);
            EventSchemas.assertValid(dispatched);
            var returned = probe.await("forecourt.workshop.road-service-returned.v1", rsId);
            EventSchemas.assertValid(returned);
            assertThat(returned.data().get("drivenKm").asInt()).isEqualTo(86);
            var claim = probe.await("forecourt.workshop.warranty-job-completed.v1", id);
            EventSchemas.assertValid(claim);
            assertThat(claim.data().get("roadService").asBoolean()).isTrue();
            assertThat(claim.data().get("outsideServiceKm").asInt()).isEqualTo(86);
            assertThat(claim.data().get("roadServiceOrderNumber").asString()).isEqualTo(number);
            var trip = claim.data().get("roadServiceOrder");
            assertThat(trip.get("orderNumber").asString()).isEqualTo(number);
            assertThat(trip.get("technicianId").asString()).isEqualTo("emp-" + name);
            assertThat(trip.get("technicianName").asString()).isEqualTo(name);
            assertThat(trip.get("departureOdometerKm").asInt()).isEqualTo(52000);
            assertThat(trip.get("returnOdometerKm").asInt()).isEqualTo(52086);
        }
    }

    @Test
    void anUnknownOutsideServiceOrderOrOneOfAnotherCarIsRefused() {
        Api.Response unknown = as(ADVISOR).post("/api/v1/repair-orders", warrantyWalkIn(uniqueVin(), "RS2026999999", null));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.at("/type")).endsWith("unknown-road-service-order");

        String name = unique("tech");
        hireTechnician(name, "engine");
        Api.Response out = as(FOREMAN).post("/api/v1/road-service-orders", """
                {"vin":"%s","location":"Huaxia Rd","technicianId":"emp-%s","departureOdometerKm":100}""".formatted(uniqueVin(), name));
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        as(FOREMAN).post("/api/v1/road-service-orders/" + out.at("/id") + "/return", "{\"returnOdometerKm\":120}");
        Api.Response other = as(ADVISOR).post("/api/v1/repair-orders", warrantyWalkIn(uniqueVin(), out.at("/orderNumber"), null));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.at("/type")).endsWith("road-service-other-vehicle");

        Api.Response nobody = as(FOREMAN).post("/api/v1/road-service-orders", """
                {"vin":"%s","location":"Huaxia Rd","technicianId":"emp-nobody","departureOdometerKm":100}""".formatted(uniqueVin()));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.at("/type")).endsWith("unknown-technician");
    }

    private static String warrantyWalkIn(String vin, String roadServiceOrderNumber, Integer statedKm) {
        return """
                {"vehicle":{"vin":"%s","plate":"沪D%s","brand":"Volkswagen","model":"Tiguan L"},
                 "customer":{"name":"陈强","phone":"13800000031"},
                 "odometerInKm":61000,"complaint":"路上抛锚，水泵漏水","promisedAt":"%s",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},
                 "jobs":[{"labourOperationCode":"ENG-WP-02","description":"Replace water pump","hours":2.0,"payType":"WARRANTY",
                          "requiredSkill":"engine",
                          "warranty":{"cause":"water pump seal failed","correction":"replaced water pump",
                                      "causalPartNumber":"06H121026","failureDate":"2026-11-30","roadService":true,
                                      "outsideServiceKm":%s,"roadServiceOrderNumber":"%s"}}]}
                """.formatted(vin, unique("").substring(1, 6).toUpperCase(), hoursFromNow(6),
                statedKm == null ? "null" : statedKm.toString(), roadServiceOrderNumber);
    }
}
