package dev.forecourt.workshop.rework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** A callback answered "not fixed" reaches the service manager as a rework request, who opens the linked rework order. */
class ReworkFromCallbackTest extends WorkshopIntegrationTest {

    static final String SERVICE_MANAGER = TestTokens.staff("service-manager", "service-manager", "rework-requests:read",
            "rework-requests:write", "repair-orders:read", "workshop:read");
    static final String VIN = "LSVAB4BM7RN000001";

    @Test
    void aCallbackAnsweredNeedsReworkBecomesARequestTheServiceManagerTurnsIntoALinkedReworkOrder() {
        String earlier = handedOverOrder();
        String callbackId = "service-" + UUID.randomUUID();
        String callback = """
                {"callbackId":"%s","customerId":"cust-13800000001","customerName":"张伟","customerPhone":"13800000001",
                 "kind":"SERVICE_FOLLOW_UP","department":"after-sales","staffId":"emp-advisor","repairOrderId":"%s","vin":"%s",
                 "scores":{"overall":3,"repairQuality":2},"csi":25,"customerWords":"刹车还是响","complaintRequested":false,
                 "lowScore":true,"lowScores":{"overall":3,"repairQuality":2},"reworkRequested":true,
                 "completedAt":"%s","completedBy":"emp-cs"}""".formatted(callbackId, earlier, VIN, Instant.now());
        IncomingEvents.publish("forecourt.crm.callback-completed.v1", callbackId, callback);
        IncomingEvents.publish("forecourt.crm.callback-completed.v1", callbackId, callback); // redelivered

        String requestId = "rr-" + callbackId;
        await().atMost(Duration.ofSeconds(20)).until(() -> as(SERVICE_MANAGER).get("/api/v1/rework-requests/" + requestId).status() == 200);
        Api.Response request = as(SERVICE_MANAGER).get("/api/v1/rework-requests/" + requestId);
        assertThat(request.at("/status")).isEqualTo("OPEN");
        assertThat(request.at("/repairOrderId")).isEqualTo(earlier);
        assertThat(request.at("/notes")).isEqualTo("刹车还是响");
        assertThat(request.header("ETag")).isNotNull();
        Api.Response open = as(SERVICE_MANAGER).get("/api/v1/rework-requests?status=OPEN&size=200");
        assertThat(open.json().get("items").toString().split(requestId, -1)).hasSize(2); // listed once
        assertThat(as(ADVISOR).get("/api/v1/rework-requests").status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response history = as(ADVISOR).get("/api/v1/vehicle-histories/" + VIN);
            assertThat(history.json().get("callbacks").toString()).contains(callbackId, "刹车还是响");
            assertThat(history.json().get("reworkRequests").toString()).contains(requestId);
        });

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long casesBefore = as(FOREMAN).get("/api/v1/workshop-reports/rework?from=" + today + "&to=" + today).json().get("rework").asLong();

        Api.Response rework = as(SERVICE_MANAGER).post("/api/v1/rework-requests/" + requestId + "/rework-order", """
                {"odometerInKm":42100,"walkAround":{"exterior":"as before","interior":"clean","valuables":"none"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"BRK-01","description":"Redo front brake pads","hours":1.0,"payType":"INTERNAL"}]}"""
                .formatted(hoursFromNow(6)));
        assertThat(rework.status()).as(rework.body()).isEqualTo(201);
        assertThat(rework.at("/reworkOf")).isEqualTo(earlier);
        assertThat(rework.at("/complaint")).contains("刹车还是响");
        assertThat(rework.at("/customer/customerId")).isEqualTo("cust-13800000001");
        Api.Response resolved = as(SERVICE_MANAGER).get("/api/v1/rework-requests/" + requestId);
        assertThat(resolved.at("/status")).isEqualTo("REWORK_ORDER_OPENED");
        assertThat(resolved.at("/reworkOrderId")).isEqualTo(rework.at("/id"));
        Api.Response twice = as(SERVICE_MANAGER).post("/api/v1/rework-requests/" + requestId + "/close", "{\"reason\":\"no fault\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.at("/currentState")).isEqualTo("REWORK_ORDER_OPENED");

        // the request and the order are one case: the request no longer counts apart from the order
        Api.Response report = as(FOREMAN).get("/api/v1/workshop-reports/rework?from=" + today + "&to=" + today);
        assertThat(report.json().get("reworkRequests").asLong()).isPositive();
        assertThat(report.json().get("reworkOrders").asLong()).isPositive();
        assertThat(report.json().get("rework").asLong()).isEqualTo(casesBefore);

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            EventSchemas.assertValid(probe.await("forecourt.workshop.rework-requested.v1", requestId));
            var done = probe.await("forecourt.workshop.rework-request-resolved.v1", requestId);
            EventSchemas.assertValid(done);
            assertThat(done.data().get("reworkOrderId").asString()).isEqualTo(rework.at("/id"));
            assertThat(probe.about(requestId)).extracting(EventProbe.ReceivedEvent::type)
                    .containsExactly("forecourt.workshop.rework-requested.v1", "forecourt.workshop.rework-request-resolved.v1");
        }
    }

    @Test
    void aCallbackWithoutReworkCreatesNoRequestAndTheManagerMayCloseOneWithAReason() {
        String earlier = handedOverOrder();
        String satisfied = "service-" + UUID.randomUUID();
        IncomingEvents.publish("forecourt.crm.callback-completed.v1", satisfied, callback(satisfied, earlier, false));
        String unhappy = "service-" + UUID.randomUUID();
        IncomingEvents.publish("forecourt.crm.callback-completed.v1", unhappy, callback(unhappy, earlier, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(SERVICE_MANAGER).get("/api/v1/rework-requests/rr-" + unhappy).status() == 200);
        assertThat(as(SERVICE_MANAGER).get("/api/v1/rework-requests/rr-" + satisfied).status()).isEqualTo(404);

        Api.Response closed = as(SERVICE_MANAGER).post("/api/v1/rework-requests/rr-" + unhappy + "/close",
                "{\"reason\":\"noise is normal pad bedding-in, explained to the customer\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.at("/status")).isEqualTo("CLOSED");
    }

    private static String callback(String callbackId, String repairOrderId, boolean rework) {
        return """
                {"callbackId":"%s","customerId":"cust-13800000001","customerPhone":"13800000001","kind":"SERVICE_FOLLOW_UP",
                 "department":"after-sales","repairOrderId":"%s","complaintRequested":false,"lowScore":%s,"lowScores":{},
                 "reworkRequested":%s,"completedAt":"%s","completedBy":"emp-cs"}"""
                .formatted(callbackId, repairOrderId, rework, rework, Instant.now());
    }

    private String handedOverOrder() {
        String name = unique("tech");
        String technician = hireTechnician(name, "maintenance");
        String id = openWalkIn(VIN, false);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch", "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"B1\"}");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish", "{\"selfCheckPassed\":true}");
        as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}");
        payInFull(id);
        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover", "{\"odometerOutKm\":42010,\"workExplained\":true}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        return id;
    }
}
