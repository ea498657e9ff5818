package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Delivered;
import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A warranty claim across sales, hr, the workshop, claims and the OEM simulator: a car the showroom
 * delivered comes back with a warranty fault; the WARRANTY job handed over becomes a draft claim,
 * the warranty administrator submits it, and the simulator's signed webhooks (through the
 * gateway) take it to APPROVED and then PAID.
 */
class E2eWarrantyClaimTest {

    /**
     * The demo data of sales, the workshop and claims line up: the workshop's demo warranty order is
     * on the Lavida sales delivers to 张伟 in its own demo, so the draft claim passes its checks
     * without anyone typing a warranty start date.
     */
    @Test
    void theDemoWarrantyRepairOrderBecomesADraftClaimThatPassesItsChecks() {
        Staff warranty = Staff.inFlow("warranty");
        AtomicReference<String> claimId = new AtomicReference<>();
        FlowSupport.eventually().untilAsserted(() -> {
            Api.Response claims = expect(warranty.api().get("/api/v1/warranty-claims?vin=LSVAB4BM7RN000001"), 200);
            JsonNode fromWorkshop = null;
            for (JsonNode claim : claims.json().path("items")) {
                if ("WARRANTY_JOB".equals(claim.path("source").asString())) {
                    fromWorkshop = claim;
                }
            }
            assertThat(fromWorkshop).as("a claim drafted from the demo warranty job: %s", claims.body()).isNotNull();
            claimId.set(fromWorkshop.path("id").asString());
        });
        Api.Response validation = expect(warranty.api().get("/api/v1/warranty-claims/" + claimId.get() + "/validation"), 200);
        assertThat(validation.json().path("problems").toString()).isEqualTo("[]");
        assertThat(validation.json().path("ready").asBoolean()).isTrue();
    }

    @Test
    void aHandedOverWarrantyJobBecomesADraftClaimThatTheOemApprovesAndPays() {
        // the car: sold and delivered through the showroom, so claims knows when its warranty started
        Delivered car = FlowSupport.receiveSellAndDeliver("E2E 吴" + FlowSupport.lowerAlnum(4));

        // a technician of our own, hired through hr: the workshop learns of them from hr's events
        String username = "e2e-tech-" + FlowSupport.lowerAlnum(6);
        Api.Response hired = expect(Staff.inFlow("hr").api().post("/api/v1/employees", """
                {"username":"%s","name":"E2E 技师","positionCode":"technician","initialPassword":"tech-pass-1234",
                 "skills":[{"skill":"engine","level":3},{"skill":"maintenance","level":2}]}""".formatted(username)), 201);
        String technicianId = hired.at("/id");
        Staff technician = Staff.inFlow(username, "tech-pass-1234");
        Staff advisor = Staff.inFlow("advisor");
        Staff foreman = Staff.inFlow("foreman");
        FlowSupport.awaitOnWorkshopRoster(foreman, technicianId);

        String cause = "spark plug electrode worn prematurely, misfire on cylinder 2";
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":{"vin":"%s","plate":"%s","brand":"Volkswagen","model":"%s"},
                 "customer":{"name":"%s","phone":"%s"},"odometerInKm":1520,
                 "complaint":"发动机故障灯亮，加速无力","walkAround":{"exterior":"no damage","interior":"clean","valuables":"none"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"ENG-IGN-04","description":"Replace spark plugs","hours":0.8,"payType":"WARRANTY",
                          "requiredSkill":"engine",
                          "warranty":{"cause":"%s","correction":"replaced the spark plug of cylinder 2",
                                      "causalPartNumber":"04E905612C","failureDate":"%s","roadService":false}}],
                 "partsLines":[{"jobIndex":0,"partNumber":"04E905612C","description":"spark plug","quantity":1}]}"""
                .formatted(car.vin(), FlowSupport.plate(), car.model(), car.customerName(), car.customerPhone(),
                        Instant.now().plus(Duration.ofHours(3)), cause, FlowSupport.storeToday())), 201);
        String orderId = opened.at("/id");
        String jobId = opened.at("/jobs/0/id");
        expect(advisor.api().post("/api/v1/repair-orders/" + orderId + "/approve-estimate", "{\"approvedVia\":\"signature\"}"), 200);
        FlowSupport.dispatch(foreman, orderId, jobId, technicianId);
        FlowSupport.work(technician, orderId, jobId);
        expect(foreman.api().post("/api/v1/repair-orders/" + orderId + "/quality-check", "{\"passed\":true}"), 200);
        // the storekeeper issues the reserved plug against the order's number; the warranty bill has no customer share
        expect(Staff.inFlow("storekeeper").api().post("/api/v1/stock-issues",
                "{\"partNumber\":\"04E905612C\",\"quantity\":1,\"document\":{\"type\":\"REPAIR_ORDER\",\"id\":\"%s\"}}"
                        .formatted(opened.at("/orderNumber"))), 201);
        FlowSupport.eventually().untilAsserted(() -> assertThat(expect(advisor.api().get("/api/v1/repair-orders/" + orderId), 200)
                .at("/partsLines/0/issuedQuantity")).isEqualTo("1"));
        expect(advisor.api().post("/api/v1/repair-orders/" + orderId + "/handover",
                "{\"odometerOutKm\":1524,\"workExplained\":true}"), 200);

        // the draft claim, ready to submit: the delivery on record makes it eligible
        Staff warranty = Staff.inFlow("warranty");
        String claimId = "claim-" + orderId + "-" + jobId;
        AtomicReference<Api.Response> draft = new AtomicReference<>();
        FlowSupport.eventually().untilAsserted(() -> {
            Api.Response claim = warranty.api().get("/api/v1/warranty-claims/" + claimId);
            assertThat(claim.status()).as("%s", claim).isEqualTo(200);
            draft.set(claim);
        });
        assertThat(draft.get().at("/status")).isEqualTo("DRAFT");
        assertThat(draft.get().at("/source")).isEqualTo("WARRANTY_JOB");
        assertThat(draft.get().at("/content/vin")).isEqualTo(car.vin());
        assertThat(draft.get().at("/content/repairOrderId")).isEqualTo(orderId);
        assertThat(draft.get().at("/content/cause")).isEqualTo(cause);
        assertThat(draft.get().at("/content/causalPartNumber")).isEqualTo("04E905612C");
        assertThat(draft.get().json().path("content").path("odometerKm").asInt()).isEqualTo(1524);
        FlowSupport.eventually().untilAsserted(() -> {
            Api.Response validation = expect(warranty.api().get("/api/v1/warranty-claims/" + claimId + "/validation"), 200);
            assertThat(validation.json().path("ready").asBoolean()).as("%s", validation.body()).isTrue();
        });

        // only the warranty administrator submits
        assertThat(advisor.api().post("/api/v1/warranty-claims/" + claimId + "/submit").status()).isEqualTo(403);
        Api.Response submitted = expect(warranty.api().post("/api/v1/warranty-claims/" + claimId + "/submit"), 200);
        assertThat(submitted.at("/status")).isIn("SUBMITTED", "SUBMISSION_PENDING", "ACCEPTED");
        String claimNumber = submitted.at("/claimNumber");

        // the simulator answers by signed webhooks, a few seconds per step: ACCEPTED, APPROVED, PAID
        AtomicReference<Api.Response> paid = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response claim = expect(warranty.api().get("/api/v1/warranty-claims/" + claimId), 200);
            assertThat(claim.at("/status")).as("%s", claim.body()).isEqualTo("PAID");
            paid.set(claim);
        });
        JsonNode claim = paid.get().json();
        List<String> path = new ArrayList<>();
        for (JsonNode entry : claim.path("history")) {
            path.add(entry.path("to").asString());
        }
        assertThat(path).containsSubsequence("DRAFT", "SUBMITTED", "APPROVED", "PAID");
        assertThat(path.indexOf("APPROVED")).isLessThan(path.indexOf("PAID"));
        for (JsonNode entry : claim.path("history")) {
            if (List.of("APPROVED", "PAID").contains(entry.path("to").asString())) {
                assertThat(entry.path("by").toString()).as("the OEM acted").contains("oem");
                assertThat(entry.path("webhookId").asString()).isNotBlank();
            }
        }
        assertThat(claim.path("approvedAmount").path("amount").decimalValue())
                .isEqualByComparingTo(claim.path("claimedAmount").path("amount").decimalValue());
        assertThat(claim.path("paidAmount").path("amount").decimalValue())
                .isEqualByComparingTo(claim.path("approvedAmount").path("amount").decimalValue());
        assertThat(claim.path("paymentReference").asString()).isNotBlank();

        try (EventProbe claims = EventProbe.on(RunningStack.KAFKA, "forecourt.claims.events")) {
            EventSchemas.assertValid(claims.await("forecourt.claims.warranty-claim-drafted.v1", claimId));
            EventSchemas.assertValid(claims.await("forecourt.claims.warranty-claim-submitted.v1", claimId));
            EventProbe.ReceivedEvent approved = claims.await(e -> e.type().equals("forecourt.claims.warranty-claim-status-changed.v1")
                    && claimId.equals(e.subject()) && "APPROVED".equals(e.data().path("to").asString()),
                    "APPROVED of " + claimNumber);
            EventSchemas.assertValid(approved);
            EventSchemas.assertValid(claims.await("forecourt.claims.warranty-claim-paid.v1", claimId));
        }
    }
}
