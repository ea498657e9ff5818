package dev.forecourt.claims.claim;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.node.ObjectNode;

/** Goodwill claims need the service director; warranty claims must lie within the warranty and the three guarantees. */
class GoodwillAndEligibilityTest extends ClaimsIntegrationTest {

    static final String DIRECTOR = TestTokens.staff("servicedirector", "service-director", "claims:read", "claims:approve-goodwill");

    @Test
    void aGoodwillClaimIsRefusedBeforeTheServiceDirectorsApprovalAndGoesToTheOemAfterIt() {
        Api.Response draft = api().post("/api/v1/warranty-claims", oldCarClaim(unique("ro"), "GOODWILL"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.at("/id");
        assertThat(api().get("/api/v1/warranty-claims/" + id + "/validation").body()).contains("goodwillApproval");

        Api.Response early = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.at("/type")).endsWith("/goodwill-approval-required");
        assertThat(early.at("/errors/0/field")).isEqualTo("goodwillApproval");
        assertThat(api().post("/api/v1/warranty-claims/" + id + "/goodwill-approval", "{\"note\":\"mine\"}").status())
                .as("the administrator may not approve goodwill").isEqualTo(403);

        Api.Response approved = client().as(DIRECTOR).header("If-Match", draft.header("ETag"))
                .post("/api/v1/warranty-claims/" + id + "/goodwill-approval", "{\"note\":\"Loyal customer; known turbo issue\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/goodwillApproval/approvedBy/username")).isEqualTo("servicedirector");
        assertThat(approved.at("/goodwillApproval/note")).isEqualTo("Loyal customer; known turbo issue");
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            EventSchemas.assertValid(probe.await("forecourt.claims.goodwill-claim-approved.v1", id));
            var drafted = probe.await("forecourt.claims.warranty-claim-drafted.v1", id);
            EventSchemas.assertValid(drafted);
            assertThat(drafted.data().get("claimType").asString()).isEqualTo("GOODWILL");
        }

        assertThat(api().post("/api/v1/warranty-claims/" + id + "/submit").status()).isEqualTo(200);
        awaitStatus(id, "SUBMITTED");
        assertThat(OEM.findAll(postRequestedFor(urlEqualTo("/oem/v1/warranty-claims"))
                .withHeader("Idempotency-Key", equalTo(draft.at("/claimNumber"))).withRequestBody(containing("\"claimType\":\"GOODWILL\""))))
                .hasSize(1);
    }

    @Test
    void aWarrantyClaimOutsideTheThreeGuaranteesPeriodIsRefusedNamingTheRule() {
        Api.Response draft = api().post("/api/v1/warranty-claims", oldCarClaim(unique("ro"), "WARRANTY"));
        String id = draft.at("/id");

        Api.Response validation = api().get("/api/v1/warranty-claims/" + id + "/validation");
        assertThat(validation.at("/ready")).isEqualTo("false");
        assertThat(validation.json().get("brokenRules").valueStream().map(r -> r.asString()))
                .containsExactly("warranty-period", "three-guarantees-period", "warranty-mileage", "three-guarantees-mileage");
        Api.Response refused = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("/claim-not-ready");
        assertThat(refused.body()).contains("outside the three-guarantees period (三包)").contains("outside the warranty period");
        assertThat(refused.json().get("brokenRules").valueStream().map(r -> r.asString()))
                .containsExactly("warranty-period", "three-guarantees-period", "warranty-mileage", "three-guarantees-mileage");
    }

    @Test
    void aClaimWithinTheWarrantyButPastTheThreeGuaranteesPeriodIsRefusedNamingThatRuleAndGoesAsGoodwillOnlyAfterTheDirectorApproves() {
        // delivered two and a half years ago, 30,000 km: inside the brand's 3 years / 60,000 km, outside 三包's 2 years
        String json = oldCarClaim(unique("ro"), "WARRANTY").replace("\"odometerKm\":80000", "\"odometerKm\":30000")
                .replace("\"warrantyStartDate\":\"" + LocalDate.now().minusYears(4), "\"warrantyStartDate\":\"" + LocalDate.now().minusMonths(30));
        Api.Response draft = api().post("/api/v1/warranty-claims", json);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.at("/id");

        Api.Response validation = api().get("/api/v1/warranty-claims/" + id + "/validation");
        assertThat(validation.json().get("brokenRules").valueStream().map(r -> r.asString())).containsExactly("three-guarantees-period");
        Api.Response refused = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("/claim-not-ready");
        assertThat(refused.json().get("brokenRules").valueStream().map(r -> r.asString())).containsExactly("three-guarantees-period");
        assertThat(refused.at("/errors/0/field")).isEqualTo("failureDate");

        // the administrator asks the OEM for goodwill instead: the periods no longer bind, the director's approval does
        ObjectNode asGoodwill = (ObjectNode) draft.json().get("content").deepCopy();
        asGoodwill.put("claimType", "GOODWILL");
        Api.Response goodwill = api().header("If-Match", draft.header("ETag")).put("/api/v1/warranty-claims/" + id, asGoodwill.toString());
        assertThat(goodwill.status()).as(goodwill.toString()).isEqualTo(200);
        assertThat(api().get("/api/v1/warranty-claims/" + id + "/validation").json().get("brokenRules").isEmpty()).isTrue();
        Api.Response early = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.at("/type")).endsWith("/goodwill-approval-required");

        assertThat(client().as(DIRECTOR).post("/api/v1/warranty-claims/" + id + "/goodwill-approval").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/warranty-claims/" + id + "/submit").status()).isEqualTo(200);
        awaitStatus(id, "SUBMITTED");
    }

    @Test
    void aCorrectionThatChangesTheApprovedAmountSendsTheGoodwillClaimBackToTheDirector() {
        String id = api().post("/api/v1/warranty-claims", oldCarClaim(unique("ro"), "GOODWILL")).at("/id");
        Api.Response approved = client().as(DIRECTOR).post("/api/v1/warranty-claims/" + id + "/goodwill-approval",
                "{\"note\":\"Known turbo issue on this engine\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/goodwillApproval/amount/amount")).isNotNull();

        ObjectNode moreHours = (ObjectNode) approved.json().get("content").deepCopy();
        ((ObjectNode) moreHours.get("labourOperations").get(0)).put("hours", 5.0);
        Api.Response corrected = api().header("If-Match", approved.header("ETag")).put("/api/v1/warranty-claims/" + id, moreHours.toString());

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.at("/goodwillApproval")).isNull();
        Api.Response refused = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("/goodwill-approval-required");
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/status")).isEqualTo("DRAFT");
    }

    @Test
    void theOutsideServiceMileageMustMatchTheRoadServiceOrder() {
        String json = readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked").replace("\"roadService\":false",
                "\"roadService\":true,\"outsideServiceKm\":80,\"outsideServiceOrder\":{\"orderNumber\":\"FW-0031\",\"technician\":\"陈浩\","
                        + "\"departureOdometerKm\":12300,\"returnOdometerKm\":12346}");
        String id = api().post("/api/v1/warranty-claims", json).at("/id");

        Api.Response validation = api().get("/api/v1/warranty-claims/" + id + "/validation");

        assertThat(validation.at("/problems/0/field")).isEqualTo("outsideServiceKm");
        assertThat(validation.at("/problems/0/message")).contains("FW-0031").contains("46 km");
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/content/outsideServiceOrder/orderNumber")).isEqualTo("FW-0031");
    }

    @Test
    void aCampaignCodeOnTheWorkshopsWarrantyJobIsCarriedByTheClaimAndFreesItFromThePeriods() {
        String repairOrderId = unique("ro");
        String vin = "LSVAB4BM0RN000009";
        IncomingEvents.publish("forecourt.sales.vehicle-delivered.v1", "so-" + repairOrderId, """
                {"salesOrderId":"so-%s","vin":"%s","brand":"Volkswagen","model":"Tiguan L","customerId":"cust-13800000005",
                 "customerName":"赵敏","customerPhone":"13800000005","consultantId":"emp-sales","consultantName":"sales",
                 "deliveryDate":"%s","deliveredAt":"%s","odometerKm":5}""".formatted(repairOrderId, vin,
                LocalDate.now().minusYears(5), Instant.now().minus(Duration.ofDays(5 * 365))));
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId,
                warrantyJobCompleted(repairOrderId, "job-1", vin).replace("\"roadService\":false", "\"roadService\":false,\"campaignCode\":\"RC-2026-014\""));
        String claimId = "claim-" + repairOrderId + "-job-1";

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims/" + claimId + "/validation").at("/ready")).isEqualTo("true"));
        assertThat(api().get("/api/v1/warranty-claims/" + claimId).at("/content/campaignCode")).isEqualTo("RC-2026-014");
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var drafted = probe.await("forecourt.claims.warranty-claim-drafted.v1", claimId);
            EventSchemas.assertValid(drafted);
            assertThat(drafted.data().get("campaignCode").asString()).isEqualTo("RC-2026-014");
        }
    }

    /** A Passat delivered four years ago with 80,000 km: outside the warranty and the three guarantees. */
    private static String oldCarClaim(String repairOrderId, String type) {
        return """
                {"claimType":"%s","vin":"LSVCC6A40PN000003","brand":"Volkswagen","model":"Passat","repairOrderId":"%s",
                 "orderNumber":"RO-%s","odometerKm":80000,"failureDate":"%s","handedOverAt":"%s","warrantyStartDate":"%s",
                 "complaint":"Turbo whistle, loss of power","cause":"Turbocharger bearing worn: oil feed line partly blocked",
                 "correction":"Replaced the turbocharger and the oil feed line",
                 "labourOperations":[{"code":"2130","description":"Replace turbocharger","hours":3.5}],
                 "parts":[{"partNumber":"06K145874F","description":"Turbocharger","quantity":1,"unitPrice":{"amount":6800.00,"currency":"CNY"}}],
                 "causalPartNumber":"06K145874F","roadService":false}
                """.formatted(type, repairOrderId, repairOrderId, LocalDate.now().minusDays(3), Instant.now().minus(Duration.ofDays(1)),
                LocalDate.now().minusYears(4));
    }
}
