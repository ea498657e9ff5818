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
}
