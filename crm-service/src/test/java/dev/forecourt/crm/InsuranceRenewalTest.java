package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import tools.jackson.databind.JsonNode;

/** The insurance policy sold with the car becomes a renewal call ahead of its expiry, one per policy period. */
@ForecourtServiceTest
class InsuranceRenewalTest {

    @LocalServerPort
    int port;

    @Autowired
    CallPlanner planner;

    @Autowired
    MongoTemplate mongo;

    Api crm() {
        return Api.at(port).checked().as(CrmFlowTest.CRM);
    }

    static void policyRecorded(String eventId, String phone, String salesOrderId, String insurer, LocalDate expiresOn, Instant recordedAt) {
        IncomingEvents.of("forecourt.sales.insurance-policy-recorded.v1", salesOrderId, """
                {"salesOrderId":"%s","customerId":"cust-%s","customerPhone":"%s","customerName":"王芳","vin":"%s",
                 "insurer":"%s","premium":{"amount":4860.00,"currency":"CNY"},"startsOn":"%s","expiresOn":"%s",
                 "policyNumber":"PDAA2026%s","recordedAt":"%s"}
                """.formatted(salesOrderId, phone, phone, CrmFlowTest.vinOf(phone), insurer, expiresOn.minusYears(1), expiresOn,
                phone.substring(3), recordedAt)).id(eventId).publish();
    }

    void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.exists(Query.query(Criteria.where("_id").is("crm-service.store-001:" + eventId)), "processed_events"));
    }

    JsonNode renewals(String phone) {
        return crm().get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&customerId=cust-" + phone).json();
    }

    @Test
    void aPolicyBecomesARenewalCallSixtyDaysBeforeItExpiresAndACorrectionReplacesIt() {
        String phone = CrmFlowTest.newPhone();
        String order = "so-" + UUID.randomUUID();
        LocalDate expiresOn = LocalDate.now(planner.zone()).plusDays(200);
        Instant recordedAt = Instant.now().minusSeconds(60);
        String eventId = UUID.randomUUID().toString();
        policyRecorded(eventId, phone, order, "中国人保", expiresOn, recordedAt);

        await().atMost(Duration.ofSeconds(20)).until(() -> renewals(phone).get("total").asInt() == 1);
        JsonNode call = renewals(phone).get("items").get(0);
        assertThat(call.get("id").asString()).isEqualTo("insurance-" + order + "-" + expiresOn);
        assertThat(call.get("department").asString()).isEqualTo("insurance");
        assertThat(call.get("script").asString()).contains("insurance policy expires");
        assertThat(call.get("policy").get("insurer").asString()).isEqualTo("中国人保");
        assertThat(call.get("policy").get("expiresOn").asString()).isEqualTo(expiresOn.toString());
        assertThat(call.get("salesOrderId").asString()).isEqualTo(order);
        assertThat(call.get("dueAt").asString())
                .isEqualTo(planner.onOrAfter(expiresOn.minusDays(60), Instant.now()).start().toString());
        assertThat(call.get("deadline").asString()).isEqualTo(expiresOn.atStartOfDay(planner.zone()).toInstant().toString());

        // The same record again: nothing new.
        policyRecorded(eventId, phone, order, "中国人保", expiresOn, recordedAt);
        // A correction with the same expiry: the open call shows the newer record.
        String correction = UUID.randomUUID().toString();
        policyRecorded(correction, phone, order, "平安保险", expiresOn, recordedAt.plusSeconds(30));
        awaitProcessed(correction);
        JsonNode corrected = renewals(phone);
        assertThat(corrected.get("total").asInt()).isEqualTo(1);
        assertThat(corrected.get("items").get(0).get("policy").get("insurer").asString()).isEqualTo("平安保险");

        // A correction of the expiry date: the newer replaces the open call.
        LocalDate correctedExpiry = expiresOn.plusDays(10);
        String newExpiry = UUID.randomUUID().toString();
        policyRecorded(newExpiry, phone, order, "平安保险", correctedExpiry, recordedAt.plusSeconds(50));
        awaitProcessed(newExpiry);
        JsonNode open = crm().get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&status=OPEN&customerId=cust-" + phone).json();
        assertThat(open.get("total").asInt()).isEqualTo(1);
        assertThat(open.get("items").get(0).get("id").asString()).isEqualTo("insurance-" + order + "-" + correctedExpiry);
        assertThat(crm().get("/api/v1/callbacks/insurance-" + order + "-" + expiresOn).json().get("status").asString())
                .isEqualTo("CANCELLED");

        // An older record arriving late changes nothing.
        String late = UUID.randomUUID().toString();
        policyRecorded(late, phone, order, "太平洋保险", expiresOn.plusDays(20), recordedAt.plusSeconds(10));
        awaitProcessed(late);
        assertThat(renewals(phone).get("total").asInt()).isEqualTo(2);
        assertThat(crm().get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&status=OPEN&customerId=cust-" + phone).json()
                .get("items").get(0).get("id").asString()).isEqualTo("insurance-" + order + "-" + correctedExpiry);
    }

    @Test
    void aPolicyAlreadyInsideTheRenewalWindowIsCalledAboutAtOnce() {
        String phone = CrmFlowTest.newPhone();
        LocalDate expiresOn = LocalDate.now(planner.zone()).plusDays(30);
        Instant before = Instant.now();
        policyRecorded(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), "中国人保", expiresOn, before);

        await().atMost(Duration.ofSeconds(20)).until(() -> renewals(phone).get("total").asInt() == 1);
        JsonNode call = renewals(phone).get("items").get(0);
        // due in the first call window from when the record arrived (not 60 days before an expiry already that close)
        assertThat(Instant.parse(call.get("dueAt").asString()))
                .isBetween(planner.firstSlotFrom(before).start(), planner.firstSlotFrom(Instant.now()).start());
        assertThat(call.get("status").asString()).isEqualTo("OPEN");
    }
}
