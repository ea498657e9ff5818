package dev.forecourt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.node.ObjectNode;

class WarrantyJobIntakeTest extends ClaimsIntegrationTest {

    static final String VIN = "LSVCD6AZ9RN100001";

    @Test
    void aCompletedWarrantyJobBecomesOneDraftClaimEvenWhenTheEventComesTwice() {
        String repairOrderId = unique("ro");
        String event = warrantyJobCompleted(repairOrderId, "job-1", VIN);
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId, event);
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId, event);
        String claimId = "claim-" + repairOrderId + "-job-1";

        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var drafted = probe.await("forecourt.claims.warranty-claim-drafted.v1", claimId);
            EventSchemas.assertValid(drafted);
            assertThat(drafted.data().get("source").asString()).isEqualTo("WARRANTY_JOB");
        }
        Api.Response claim = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(claim.status()).isEqualTo(200);
        assertThat(claim.at("/status")).isEqualTo("DRAFT");
        assertThat(claim.at("/content/vin")).isEqualTo(VIN);
        assertThat(claim.at("/content/causalPartNumber")).isEqualTo("5Q0407151A");
        assertThat(claim.at("/lines/0/reference")).isEqualTo("4011");
        // 2.0 h at Volkswagen's configured 160.00 + 1 × 420.00
        assertThat(new java.math.BigDecimal(claim.at("/claimedAmount/amount"))).isEqualByComparingTo("740.00");
        // Given the drafting above had time to run twice, there is still one claim for the job.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims?vin=" + VIN).json().get("items").valueStream()
                        .filter(c -> repairOrderId.equals(c.path("content").path("repairOrderId").asString())).count()).isEqualTo(1));
    }

    @Test
    void validationNamesTheMissingDeliveryAndClearsOnceSalesReportsIt() {
        String repairOrderId = unique("ro");
        String vin = "LFV3A23C0R3000001";
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId,
                warrantyJobCompleted(repairOrderId, "job-7", vin));
        String claimId = "claim-" + repairOrderId + "-job-7";
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/warranty-claims/" + claimId).status() == 200);

        Api.Response before = api().get("/api/v1/warranty-claims/" + claimId + "/validation");
        assertThat(before.at("/ready")).isEqualTo("false");
        assertThat(before.body()).contains("warrantyStartDate");
        Api.Response refused = api().post("/api/v1/warranty-claims/" + claimId + "/submit");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/0/field")).isEqualTo("warrantyStartDate");

        IncomingEvents.publish("forecourt.sales.vehicle-delivered.v1", "so-" + repairOrderId, """
                {"salesOrderId":"so-%s","vin":"%s","brand":"Volkswagen","model":"Passat","customerId":"cust-13800000003",
                 "customerName":"王强","customerPhone":"13800000003","consultantId":"emp-sales","consultantName":"sales",
                 "deliveryDate":"%s","deliveredAt":"%s","odometerKm":12}""".formatted(repairOrderId, vin,
                LocalDate.now().minusMonths(8), Instant.now().minus(Duration.ofDays(240))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims/" + claimId + "/validation").at("/ready")).isEqualTo("true"));
    }

    @Test
    void aRoadServiceJobDraftsAClaimCarryingItsOrderAndEditsAreCheckedAgainstTheOrder() {
        String repairOrderId = unique("ro");
        String vin = "LSVUX65N1RN000031";
        delivered(repairOrderId, vin);
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId,
                warrantyJobCompleted(repairOrderId, "job-2", vin).replace("\"roadService\":false,\"outsideServiceKm\":null",
                        "\"roadService\":true,\"outsideServiceKm\":46,\"roadServiceOrderNumber\":\"FW-2026-0031\",\"roadServiceOrder\":"
                                + "{\"orderNumber\":\"FW-2026-0031\",\"technicianId\":\"emp-technician\",\"technicianName\":\"陈浩\","
                                + "\"departureOdometerKm\":12300,\"returnOdometerKm\":12346}"));
        String claimId = "claim-" + repairOrderId + "-job-2";
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/warranty-claims/" + claimId).status() == 200);

        Api.Response drafted = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(drafted.at("/content/outsideServiceOrder/orderNumber")).isEqualTo("FW-2026-0031");
        assertThat(drafted.at("/content/outsideServiceOrder/technicianId")).isEqualTo("emp-technician");
        assertThat(drafted.at("/content/outsideServiceOrder/technician")).isEqualTo("陈浩");
        assertThat(drafted.at("/content/outsideServiceKm")).isEqualTo("46");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims/" + claimId + "/validation").at("/ready")).isEqualTo("true"));

        // the administrator pads the kilometres and leaves the order out: the workshop's order stays and catches it
        ObjectNode padded = content(drafted).put("outsideServiceKm", 80);
        padded.remove("outsideServiceOrder");
        Api.Response corrected = api().header("If-Match", drafted.header("ETag")).put("/api/v1/warranty-claims/" + claimId, padded.toString());
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.at("/content/outsideServiceOrder/returnOdometerKm")).isEqualTo("12346");
        Api.Response validation = api().get("/api/v1/warranty-claims/" + claimId + "/validation");
        assertThat(validation.at("/problems/0/field")).isEqualTo("outsideServiceKm");
        assertThat(validation.at("/problems/0/message")).contains("FW-2026-0031").contains("80 km claimed").contains("46 km");
        Api.Response refused = api().post("/api/v1/warranty-claims/" + claimId + "/submit");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("/claim-not-ready");

        // another trip cannot be put in the workshop's order's place
        ObjectNode otherTrip = content(corrected);
        ((ObjectNode) otherTrip.get("outsideServiceOrder")).put("returnOdometerKm", 12380);
        Api.Response replaced = api().put("/api/v1/warranty-claims/" + claimId, otherTrip.toString());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(422);
        assertThat(replaced.at("/type")).endsWith("/outside-service-order-from-workshop");
        assertThat(replaced.at("/errors/0/field")).isEqualTo("outsideServiceOrder");

        // the content as read goes back with the kilometres the order records: ready again
        Api.Response fixed = api().put("/api/v1/warranty-claims/" + claimId, content(corrected).put("outsideServiceKm", 46).toString());
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(api().get("/api/v1/warranty-claims/" + claimId + "/validation").at("/ready")).isEqualTo("true");
    }

    @Test
    void aRoadServiceJobWhoseKilometresDifferFromItsOrderIsDraftedButNotReady() {
        String repairOrderId = unique("ro");
        String vin = "LSVUX65N3RN000032";
        delivered(repairOrderId, vin);
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId,
                warrantyJobCompleted(repairOrderId, "job-3", vin).replace("\"roadService\":false,\"outsideServiceKm\":null",
                        "\"roadService\":true,\"outsideServiceKm\":60,\"roadServiceOrder\":{\"orderNumber\":\"FW-2026-0040\","
                                + "\"technicianId\":\"emp-technician\",\"technicianName\":\"陈浩\",\"departureOdometerKm\":8000,"
                                + "\"returnOdometerKm\":8046}"));
        String claimId = "claim-" + repairOrderId + "-job-3";
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/warranty-claims/" + claimId).status() == 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response validation = api().get("/api/v1/warranty-claims/" + claimId + "/validation");
            assertThat(validation.at("/ready")).isEqualTo("false");
            assertThat(validation.at("/problems/0/field")).isEqualTo("outsideServiceKm");
            assertThat(validation.at("/problems/0/message")).isEqualTo(
                    "does not match outside-service order FW-2026-0040: 60 km claimed, the order records 46 km");
        });
    }

    /** The claim's content as read, with its version: what a correction sends back. */
    private static ObjectNode content(Api.Response claim) {
        ObjectNode content = (ObjectNode) claim.json().get("content").deepCopy();
        content.put("version", Long.parseLong(claim.at("/version")));
        return content;
    }

    private static void delivered(String repairOrderId, String vin) {
        IncomingEvents.publish("forecourt.sales.vehicle-delivered.v1", "so-" + repairOrderId, """
                {"salesOrderId":"so-%s","vin":"%s","brand":"Volkswagen","model":"Tiguan L","customerId":"cust-13800000006",
                 "customerName":"刘洋","customerPhone":"13800000006","consultantId":"emp-sales","consultantName":"sales",
                 "deliveryDate":"%s","deliveredAt":"%s","odometerKm":8}""".formatted(repairOrderId, vin,
                LocalDate.now().minusMonths(10), Instant.now().minus(Duration.ofDays(300))));
    }
}
