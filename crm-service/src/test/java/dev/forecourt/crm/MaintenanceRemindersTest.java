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

import dev.forecourt.crm.customer.Dormancy;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import tools.jackson.databind.JsonNode;

/** Reminders that hold: only a maintenance job restarts the maintenance clock; free campaign visits do not keep a customer active. */
@ForecourtServiceTest
class MaintenanceRemindersTest {

    static final String VIN = "LSVAB4BM7RN000001";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Dormancy dormancy;

    Api api() {
        return Api.at(port).checked().as(CrmFlowTest.CRM);
    }

    /** A handover of the delivered car, keyed by the customer's phone like the delivery test helper's jobs. */
    static String handedOver(String phone, String repairOrderId, String payType, String amountSettled) {
        return IncomingEvents.of("forecourt.workshop.repair-order-handed-over.v1", phone, """
                {"repairOrderId":"%s","orderNumber":"RO-%s","vin":"%s","plate":"沪A12345","brand":"Volkswagen","model":"Lavida",
                 "customerId":"cust-%s","customerName":"张伟","customerPhone":"%s","advisorId":"emp-advisor","advisorName":"Advisor",
                 "odometerOutKm":3100,"handedOverAt":"%s","payTypes":["%s"],"reworkOf":null,"amountSettled":%s}
                """.formatted(repairOrderId, repairOrderId, VIN, phone, phone, Instant.now(), payType, amountSettled)).publish();
    }

    JsonNode reminders(String phone) {
        return api().get("/api/v1/callbacks?kind=MAINTENANCE_REMINDER&customerId=cust-" + phone).json();
    }

    void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.exists(Query.query(Criteria.where("_id").is("crm-service.store-001:" + eventId)), "processed_events"));
    }

    @Test
    void aBrakeRepairLeavesTheFirstMaintenanceReminderInPlace() {
        String phone = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(phone).get("total").asInt() == 1);
        String first = reminders(phone).at("/items/0/id").asString();

        String brakes = "ro-" + UUID.randomUUID();
        CrmFlowTest.jobCompleted(phone, brakes, "BRK-01");
        awaitProcessed(handedOver(phone, brakes, "CUSTOMER", "{\"amount\":680.00,\"currency\":\"CNY\"}"));

        JsonNode after = reminders(phone);
        assertThat(after.get("total").asInt()).isEqualTo(1);
        assertThat(after.at("/items/0/id").asString()).isEqualTo(first);
        assertThat(after.at("/items/0/status").asString()).isEqualTo("OPEN");
        assertThat(after.at("/items/0/maintenance/kind").asString()).isEqualTo("FIRST");
        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/vehicles/0/firstMaintenanceOn")).isNull();
    }

    @Test
    void theFirstMaintenanceIsRecordedWhenPerformedAndRestartsTheClock() {
        String phone = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(phone).get("total").asInt() == 1);
        String first = reminders(phone).at("/items/0/id").asString();

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            String service = "ro-" + UUID.randomUUID();
            CrmFlowTest.jobCompleted(phone, service, "MNT-FIRST");
            handedOver(phone, service, "WARRANTY", "null");
            var recorded = probe.await("forecourt.crm.first-maintenance-recorded.v1", "cust-" + phone);
            EventSchemas.assertValid(recorded);
            assertThat(recorded.data().get("repairOrderId").asString()).isEqualTo(service);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(phone).get("total").asInt() == 2);
        JsonNode all = reminders(phone);
        LocalDate today = LocalDate.now(CrmFlowTest.SHANGHAI);
        for (JsonNode reminder : all.get("items")) {
            if (reminder.get("id").asString().equals(first)) {
                assertThat(reminder.get("status").asString()).isEqualTo("CANCELLED");
            } else {
                assertThat(reminder.at("/maintenance/kind").asString()).isEqualTo("SCHEDULED");
                assertThat(reminder.at("/maintenance/dueOn").asString()).isEqualTo(today.plusMonths(12).toString());
            }
        }
        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/vehicles/0/firstMaintenanceOn")).isEqualTo(today.toString());
    }

    @Test
    void aFreeCampaignVisitDoesNotKeepACustomerFromBecomingDormant() {
        String phone = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(800)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/customers/cust-" + phone).status() == 200);
        awaitProcessed(handedOver(phone, "ro-" + UUID.randomUUID(), "CUSTOMER", "null"));
        Api.Response profile = api().get("/api/v1/customers/cust-" + phone);
        assertThat(profile.json().get("repairs").size()).isEqualTo(1);
        assertThat(profile.at("/lastVisitOn")).isNotEqualTo(LocalDate.now(CrmFlowTest.SHANGHAI).toString());

        dormancy.markDormantCustomers();

        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/status")).isEqualTo("DORMANT");

        // A paid visit counts: the customer is active again.
        awaitProcessed(handedOver(phone, "ro-" + UUID.randomUUID(), "CUSTOMER", "{\"amount\":120.00,\"currency\":\"CNY\"}"));
        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/status")).isEqualTo("ACTIVE");
    }

    @Test
    void aRecallOrServiceCampaignVisitTheOemPaysDoesNotKeepACustomerFromBecomingDormant() {
        String phone = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(800)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/customers/cust-" + phone).status() == 200);
        CrmFlowTest.jobCompleted(phone, "ro-recall-" + phone, "RCL-2026-07");
        awaitProcessed(handedOver(phone, "ro-recall-" + phone, "CAMPAIGN", "null"));
        assertThat(api().get("/api/v1/customers/cust-" + phone).json().get("repairs").size()).isEqualTo(1);

        dormancy.markDormantCustomers();

        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/status")).isEqualTo("DORMANT");
        // a warranty repair is work somebody paid for: the customer came for service and is active again
        awaitProcessed(handedOver(phone, "ro-" + UUID.randomUUID(), "WARRANTY", "null"));
        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/status")).isEqualTo("ACTIVE");
    }
}
