package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.crm.complaint.ComplaintEscalation;
import dev.forecourt.crm.customer.Dormancy;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import tools.jackson.databind.JsonNode;

/**
 * The stream tells the store's day: customers registered and changed, consent changed, callbacks
 * scheduled, not reached, cancelled and completed, complaints opened, assigned, escalated, resolved,
 * reopened and closed. Every event is checked against its schema in docs/events/crm.yaml.
 */
@ForecourtServiceTest
class CrmEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    ComplaintEscalation escalation;

    @Autowired
    Dormancy dormancy;

    Api api() {
        return Api.at(port).checked().as(CrmFlowTest.CRM);
    }

    static EventProbe.ReceivedEvent valid(EventProbe.ReceivedEvent event) {
        EventSchemas.assertValid(event);
        return event;
    }

    @Test
    void registeringAndEditingACustomerPublishesRegisteredChangedAndConsentChanged() {
        String phone = CrmFlowTest.newPhone();
        String id = "cust-" + phone;
        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            Api.Response created = api().post("/api/v1/customers",
                    "{\"name\":\"周敏\",\"phone\":\"%s\",\"callConsent\":true}".formatted(phone));
            assertThat(created.status()).isEqualTo(201);
            JsonNode registered = valid(probe.await("forecourt.crm.customer-registered.v1", id)).data();
            assertThat(registered.get("source").asString()).isEqualTo("STAFF");
            assertThat(registered.get("messageConsent").asBoolean()).isTrue();

            assertThat(api().header("If-Match", created.header("ETag")).put("/api/v1/customers/" + id, """
                    {"name":"周敏","callConsent":true,"messageConsent":false,"contacts":{"wechat":"zm"},
                     "club":{"number":"VW-77","level":"SILVER","joinedOn":"2026-01-01"}}
                    """).status()).isEqualTo(200);
            JsonNode changed = valid(probe.await("forecourt.crm.customer-changed.v1", id)).data();
            assertThat(changed.get("changed").toString()).contains("contacts", "club").doesNotContain("name");
            assertThat(changed.get("clubLevel").asString()).isEqualTo("SILVER");
            JsonNode consent = valid(probe.await("forecourt.crm.customer-consent-changed.v1", id)).data();
            assertThat(consent.get("callConsent").asBoolean()).isTrue();
            assertThat(consent.get("messageConsent").asBoolean()).isFalse();
        }
    }

    @Test
    void callbacksPublishScheduledNotReachedAndCancelledAndComplaintsTheirWholeLife() {
        String phone = CrmFlowTest.newPhone();
        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            String first = UUID.randomUUID().toString();
            CrmFlowTest.handedOver(first, phone, "ro-" + UUID.randomUUID(), Instant.now());
            JsonNode scheduled = valid(probe.await("forecourt.crm.callback-scheduled.v1", "service-" + first)).data();
            assertThat(scheduled.get("customerId").asString()).isEqualTo("cust-" + phone);
            assertThat(scheduled.get("kind").asString()).isEqualTo("SERVICE_FOLLOW_UP");
            valid(probe.await("forecourt.crm.customer-registered.v1", "cust-" + phone));

            Api.Response notReached = api().post("/api/v1/callbacks/service-" + first + "/not-reached", "{\"note\":\"no answer\"}");
            assertThat(notReached.status()).isEqualTo(200);
            JsonNode attempt = valid(probe.await("forecourt.crm.callback-not-reached.v1", "service-" + first)).data();
            assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
            assertThat(attempt.get("gaveUp").asBoolean()).isFalse();

            // A maintenance on the same car replaces the first maintenance reminder.
            String second = UUID.randomUUID().toString();
            String maintenanceOrder = "ro-" + UUID.randomUUID();
            CrmFlowTest.jobCompleted(phone, maintenanceOrder, "MNT-10K");
            CrmFlowTest.handedOver(second, phone, maintenanceOrder, Instant.now().plusSeconds(60));
            JsonNode cancelled = valid(probe.await("forecourt.crm.callback-cancelled.v1", "maintenance-" + first)).data();
            assertThat(cancelled.get("reason").asString()).isEqualTo("replaced by maintenance-" + second);

            // A complaint: opened, assigned, escalated, resolved, reopened by the verification, resolved again, closed by staff.
            Api.Response taken = api().post("/api/v1/complaints", """
                    {"customerId":"cust-%s","department":"after-sales","summary":"Oil stain on the seat"}
                    """.formatted(phone));
            String complaintId = taken.at("/id");
            valid(probe.await("forecourt.crm.complaint-opened.v1", complaintId));
            api().post("/api/v1/complaints/" + complaintId + "/assign", """
                    {"department":"after-sales","ownerId":"emp-foreman","ownerName":"Foreman","dueAt":"%s"}
                    """.formatted(Instant.now().minus(Duration.ofHours(1))));
            assertThat(valid(probe.await("forecourt.crm.complaint-assigned.v1", complaintId)).data().get("ownerId").asString())
                    .isEqualTo("emp-foreman");
            escalation.escalateOverdue();
            assertThat(valid(probe.await("forecourt.crm.complaint-escalated.v1", complaintId)).data().get("level").asInt()).isEqualTo(1);
            api().post("/api/v1/complaints/" + complaintId + "/resolve", "{\"resolution\":\"Cleaned the seat\"}");
            valid(probe.await("forecourt.crm.complaint-resolved.v1", complaintId));
            String verificationPath = "/api/v1/callbacks?kind=COMPLAINT_VERIFICATION&customerId=cust-" + phone;
            await().atMost(Duration.ofSeconds(20)).until(() -> api().get(verificationPath).json().get("total").asInt() == 1);
            String verification = api().get(verificationPath).at("/items/0/id");
            api().post("/api/v1/callbacks/" + verification + "/complete", "{\"resolutionAccepted\":false,\"customerWords\":\"还有印子\"}");
            valid(probe.await("forecourt.crm.complaint-reopened.v1", complaintId));
            await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(api().get("/api/v1/complaints/" + complaintId).at("/status")));
            api().post("/api/v1/complaints/" + complaintId + "/resolve", "{\"resolution\":\"Replaced the seat cover\"}");
            assertThat(api().post("/api/v1/complaints/" + complaintId + "/close", "{\"reason\":\"customer not reachable\"}").status())
                    .isEqualTo(200);
            JsonNode closed = valid(probe.await("forecourt.crm.complaint-closed.v1", complaintId)).data();
            assertThat(closed.get("verified").asBoolean()).isFalse();
        }
    }

    @Test
    void aDormantCustomerWhoBuysAgainIsReactivated() {
        String phone = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(800)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/customers/cust-" + phone).status() == 200);
        dormancy.markDormantCustomers();
        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now());
            JsonNode reactivated = valid(probe.await("forecourt.crm.customer-reactivated.v1", "cust-" + phone)).data();
            assertThat(reactivated.get("visitedOn").asString()).isEqualTo(java.time.LocalDate.now(CrmFlowTest.SHANGHAI).toString());
        }
    }
}
