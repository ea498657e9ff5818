package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * CRM's loops through the gateway: the insurance policy a consultant records on the sales order becomes customer service's
 * renewal call in CRM, and the service advisor logs a complaint about that customer; a low-score follow-up call "not fixed"
 * becomes a rework request in the workshop, a rework order linked to the first and a count in the rework report, while the
 * customer-service specialist reads the repair order behind her call; a car running late texts its customer through the
 * SMS simulator at once, and nothing goes to a customer who withdrew message consent. (The quiet hours are set for this
 * suite to an hour twelve hours after the stack starts, see {@link RunningStack}; that a text due in quiet hours waits for
 * their end is shown by crm-service's CustomerMessagesFlowTest.aMessageDueInQuietHoursWaitsForTheirEnd.)
 */
class E2eCrmLoopsTest {

    @Test
    void aPolicyExpiringInSixtyDaysRecordedInSalesBecomesARenewalCallInCrmAndTheAdvisorLogsAComplaint() {
        FlowSupport.Delivered car = FlowSupport.receiveSellAndDeliver("E2E 周" + FlowSupport.lowerAlnum(4));
        Staff consultant = Staff.inFlow("sales");
        Staff specialist = Staff.inFlow("crm");
        Staff advisor = Staff.inFlow("advisor");
        LocalDate expiresOn = FlowSupport.storeToday().plusDays(60);

        expect(consultant.api().post("/api/v1/sales-orders/" + car.salesOrderId() + "/insurance-policy", """
                {"insurer":"中国人保 PICC","policyNumber":"PDAA%s","premium":{"amount":4860.00,"currency":"CNY"},
                 "startsOn":"%s","expiresOn":"%s"}""".formatted(FlowSupport.digits(10), expiresOn.minusYears(1), expiresOn)), 200);

        String customerId = "cust-" + car.customerPhone();
        AtomicReference<JsonNode> renewal = new AtomicReference<>();
        eventually().until(() -> {
            Api.Response calls = specialist.api().get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&customerId=" + customerId);
            if (calls.status() == 200 && calls.json().get("total").asInt() == 1) {
                renewal.set(calls.json().get("items").get(0));
                return true;
            }
            return false;
        });
        JsonNode call = renewal.get();
        assertThat(call.get("id").asString()).isEqualTo("insurance-" + car.salesOrderId() + "-" + expiresOn);
        assertThat(call.get("status").asString()).isEqualTo("OPEN");
        assertThat(call.get("policy").get("insurer").asString()).isEqualTo("中国人保 PICC");
        assertThat(call.get("script").asString()).isNotBlank();
        // 60 days ahead is today: due in the next call window, at the latest the expiry day
        assertThat(Instant.parse(call.get("dueAt").asString()))
                .isBefore(expiresOn.atStartOfDay(FlowSupport.STORE_ZONE).toInstant());
        assertThat(Instant.parse(call.get("dueAt").asString()))
                .isBefore(FlowSupport.storeToday().plusDays(8).atStartOfDay(FlowSupport.STORE_ZONE).toInstant());

        Api.Response complaint = expect(advisor.api().post("/api/v1/complaints", """
                {"customerId":"%s","department":"after-sales","severity":"NORMAL","summary":"Insurance renewal quote too high",
                 "customerWords":"续保报价太贵了"}""".formatted(customerId)), 201);
        assertThat(complaint.header("Location")).isEqualTo("/api/v1/complaints/" + complaint.at("/id"));
        assertThat(expect(specialist.api().get("/api/v1/complaints/" + complaint.at("/id")), 200).at("/status")).isEqualTo("OPEN");
    }

    @Test
    void aLowScoreFollowUpCallNotFixedBecomesAReworkRequestAndALinkedReworkOrderCountedInTheReworkReport() {
        Staff advisor = Staff.inFlow("advisor");
        Staff specialist = Staff.inFlow("crm");
        Staff serviceManager = Staff.inFlow("servicemanager");
        String phone = FlowSupport.mobile();
        String vin = FlowSupport.vin();
        String orderId = handedOver(advisor, vin, phone);
        LocalDate today = FlowSupport.storeToday();
        String reworkReport = "/api/v1/workshop-reports/rework?from=" + today + "&to=" + today;
        JsonNode before = expect(serviceManager.api().get(reworkReport), 200).json();

        // customer service's follow-up call, and the repair order behind it
        AtomicReference<JsonNode> found = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            Api.Response tasks = expect(specialist.api().get("/api/v1/callbacks?kind=SERVICE_FOLLOW_UP&customerId=cust-" + phone), 200);
            assertThat(tasks.json().path("items").size()).as("%s", tasks.body()).isEqualTo(1);
            found.set(tasks.json().path("items").get(0));
        });
        JsonNode call = found.get();
        assertThat(call.path("repairOrderId").asString()).isEqualTo(orderId);
        Api.Response behind = expect(specialist.api().get("/api/v1/repair-orders/" + call.path("repairOrderId").asString()), 200);
        assertThat(behind.at("/vehicle/vin")).isEqualTo(vin);
        assertThat(behind.at("/status")).isEqualTo("HANDED_OVER");

        // the customer says the problem is not fixed: low scores, rework requested
        Api.Response completed = expect(specialist.api().post("/api/v1/callbacks/" + call.path("id").asString() + "/complete", """
                {"scores":{"receptionSpeed":8,"completionSpeed":7,"repairQuality":3,"overall":4},
                 "customerWords":"刹车还是响，问题没有解决 (the brakes still squeal, not fixed)","reworkRequested":true}"""), 200);
        assertThat(completed.at("/status")).isEqualTo("COMPLETED");

        // the workshop: a rework request the service manager sees
        AtomicReference<JsonNode> request = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            JsonNode open = expect(serviceManager.api().get("/api/v1/rework-requests?status=OPEN&size=200"), 200).json();
            JsonNode mine = null;
            for (JsonNode r : open.path("items")) {
                if (orderId.equals(r.path("repairOrderId").asString())) {
                    mine = r;
                }
            }
            assertThat(mine).as("an open rework request for %s in %s", orderId, open).isNotNull();
            request.set(mine);
        });
        assertThat(request.get().path("callbackId").asString()).isEqualTo(call.path("id").asString());
        JsonNode requested = expect(serviceManager.api().get(reworkReport), 200).json();
        assertThat(requested.path("reworkRequests").asLong()).isEqualTo(before.path("reworkRequests").asLong() + 1);
        assertThat(requested.path("rework").asLong()).isEqualTo(before.path("rework").asLong() + 1);

        // the car comes back: the rework order, linked to the first one
        Api.Response rework = expect(serviceManager.api().post("/api/v1/rework-requests/" + request.get().path("id").asString() + "/rework-order", """
                {"odometerInKm":42400,"complaint":"刹车异响返修 brakes squeal again",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"BRK-01","description":"Rework: front brake pads squeal","hours":1.0,"payType":"INTERNAL"}]}"""
                .formatted(Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS))), 201);
        assertThat(rework.at("/reworkOf")).isEqualTo(orderId);
        assertThat(rework.at("/vehicle/vin")).isEqualTo(vin);
        JsonNode resolved = expect(serviceManager.api().get("/api/v1/rework-requests/" + request.get().path("id").asString()), 200).json();
        assertThat(resolved.path("status").asString()).isEqualTo("REWORK_ORDER_OPENED");
        assertThat(resolved.path("reworkOrderId").asString()).isEqualTo(rework.at("/id"));

        // counted once as a rework case: the request became the order
        JsonNode after = expect(serviceManager.api().get(reworkReport), 200).json();
        assertThat(after.path("reworkOrders").asLong()).isEqualTo(before.path("reworkOrders").asLong() + 1);
        assertThat(after.path("reworkRequests").asLong()).isEqualTo(before.path("reworkRequests").asLong() + 1);
        assertThat(after.path("rework").asLong()).isEqualTo(before.path("rework").asLong() + 1);
    }

    @Test
    void aCarRunningLateTextsItsCustomerThroughTheSmsSimulatorWithinASecondAndNoOneWithoutConsent() {
        Staff advisor = Staff.inFlow("advisor");
        Staff specialist = Staff.inFlow("crm");
        Api sms = Api.at(RunningStack.direct(8090));
        String consenting = FlowSupport.mobile();
        String withdrawn = FlowSupport.mobile();
        expect(specialist.api().post("/api/v1/customers", """
                {"name":"E2E 不发短信%s","phone":"%s","callConsent":true,"messageConsent":false}"""
                .formatted(FlowSupport.lowerAlnum(4), withdrawn)), 201);

        try (EventProbe workshop = EventProbe.on(RunningStack.KAFKA, "forecourt.workshop.events")) {
            // two cars promised in ten minutes, their work not started: the workshop flags both as running late
            String late = openDueSoon(advisor, consenting);
            String lateToo = openDueSoon(advisor, withdrawn);
            EventProbe.ReceivedEvent event = workshop.await("forecourt.workshop.vehicle-running-late.v1", late);
            EventSchemas.assertValid(event);
            workshop.await("forecourt.workshop.vehicle-running-late.v1", lateToo);
            Instant flagged = event.cloudEvent().getTime().toInstant();

            AtomicReference<JsonNode> text = new AtomicReference<>();
            eventually().untilAsserted(() -> {
                JsonNode inbox = expect(sms.get("/sms/inbox?phone=" + consenting), 200).json().path("items");
                assertThat(inbox.size()).as("texts to %s", consenting).isEqualTo(1);
                text.set(inbox.get(0));
            });
            assertThat(text.get().path("messageId").asString()).isEqualTo("late-" + event.id());
            assertThat(text.get().path("text").asString()).contains(event.data().path("orderNumber").asString());
            Instant received = Instant.parse(text.get().path("receivedAt").asString());
            assertThat(Duration.between(flagged, received)).as("from the workshop's event at %s to the SMS at %s", flagged, received)
                    .isLessThan(Duration.ofSeconds(1));
        }
        JsonNode sent = expect(specialist.api().get("/api/v1/customer-messages?phone=" + consenting), 200).json().path("items");
        assertThat(sent.get(0).path("kind").asString()).isEqualTo("LATE_VEHICLE");
        assertThat(sent.get(0).path("status").asString()).isEqualTo("SENT");

        // the customer who withdrew message consent: recorded, suppressed, nothing at the provider
        eventually().untilAsserted(() -> {
            JsonNode messages = expect(specialist.api().get("/api/v1/customer-messages?phone=" + withdrawn), 200).json().path("items");
            assertThat(messages.size()).isEqualTo(1);
            assertThat(messages.get(0).path("status").asString()).isEqualTo("SUPPRESSED");
        });
        assertThat(expect(sms.get("/sms/inbox?phone=" + withdrawn), 200).json().path("items").size()).isZero();
    }

    /** A car received with a customer-paid job, promised in ten minutes (inside the workshop's late warning). */
    private static String openDueSoon(Staff advisor, String phone) {
        return expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":{"vin":"%s","plate":"%s","brand":"Volkswagen","model":"Passat"},
                 "customer":{"name":"E2E 延误%s","phone":"%s"},"odometerInKm":18800,"complaint":"air conditioning smells",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-10K","description":"clean the evaporator","hours":1.0,"payType":"CUSTOMER"}]}"""
                .formatted(FlowSupport.vin(), FlowSupport.plate(), FlowSupport.lowerAlnum(4), phone,
                        Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS))), 201).at("/id");
    }

    /** A car received, repaired, paid and handed over; returns the repair order's id. */
    private static String handedOver(Staff advisor, String vin, String phone) {
        Staff foreman = Staff.inFlow("foreman");
        Staff technician = Staff.inFlow("technician");
        Staff cashier = Staff.inFlow("cashier");
        FlowSupport.awaitOnWorkshopRoster(foreman, technician.employeeId());
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":{"vin":"%s","plate":"%s","brand":"Volkswagen","model":"Passat"},
                 "customer":{"name":"E2E 回访%s","phone":"%s"},"odometerInKm":42310,"complaint":"刹车时有尖锐异响",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"BRK-01","description":"Replace front brake pads","hours":1.2,"payType":"CUSTOMER"}]}"""
                .formatted(vin, FlowSupport.plate(), FlowSupport.lowerAlnum(4), phone,
                        Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS))), 201);
        String orderId = opened.at("/id");
        String order = "/api/v1/repair-orders/" + orderId;
        String jobId = opened.at("/jobs/0/id");
        expect(advisor.api().post(order + "/approve-estimate", "{\"approvedVia\":\"signature\"}"), 200);
        FlowSupport.dispatch(foreman, orderId, jobId, technician.employeeId());
        FlowSupport.work(technician, orderId, jobId);
        expect(foreman.api().post(order + "/quality-check", "{\"passed\":true}"), 200);
        Api.Response bill = expect(cashier.api().get(order + "/bill"), 200);
        expect(cashier.api().post(order + "/payments", "{\"method\":\"WECHAT_PAY\",\"amount\":" + bill.json().get("outstanding") + "}"), 201);
        expect(advisor.api().post(order + "/handover", "{\"odometerOutKm\":42316,\"workExplained\":true}"), 200);
        return orderId;
    }
}
