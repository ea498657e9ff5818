package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.CallbackTasks;
import dev.forecourt.crm.complaint.ComplaintEscalation;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Dormancy;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** The "must show" flows in the embedded stack: events in, tasks, complaints and events out. */
@ForecourtServiceTest
class CrmFlowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CRM = TestTokens.staff("crm", "customer-service-specialist", "customers:read", "customers:write",
            "callbacks:read", "callbacks:perform", "complaints:read", "complaints:write", "complaints:resolve", "crm-reports:read");

    @LocalServerPort
    int port;

    @Autowired
    CallPlanner planner;

    @Autowired
    Dormancy dormancy;

    @Autowired
    CallbackTasks tasks;

    @Autowired
    ComplaintEscalation escalation;

    @Autowired
    MongoTemplate mongo;

    void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.exists(Query.query(Criteria.where("_id").is("crm-service.store-001:" + eventId)), "processed_events"));
    }

    Api api() {
        return Api.at(port).checked().as(CRM);
    }

    static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void delivered(String eventId, String phone, String salesOrderId, Instant deliveredAt) {
        IncomingEvents.of("forecourt.sales.vehicle-delivered.v1", salesOrderId, """
                {"salesOrderId":"%s","vin":"LSVAB4BM7RN000001","brand":"Volkswagen","model":"Lavida","customerId":"cust-%s",
                 "customerName":"张伟","customerPhone":"%s","consultantId":"emp-sales","consultantName":"Sales Consultant",
                 "deliveryDate":"%s","deliveredAt":"%s","odometerKm":12,"someFieldWeDoNotUse":true}
                """.formatted(salesOrderId, phone, phone, deliveredAt.atZone(SHANGHAI).toLocalDate(), deliveredAt)).id(eventId).publish();
    }

    static void handedOver(String eventId, String phone, String repairOrderId, Instant handedOverAt) {
        // Keyed by the customer's phone rather than the order, so one test customer's events stay in order.
        IncomingEvents.of("forecourt.workshop.repair-order-handed-over.v1", phone, """
                {"repairOrderId":"%s","orderNumber":"RO-%s","vin":"%s","plate":"沪A88888","brand":"Volkswagen",
                 "model":"Tiguan L","customerId":"cust-%s","customerName":"李娜","customerPhone":"%s","advisorId":"emp-advisor",
                 "advisorName":"Service Advisor","odometerOutKm":15200,"handedOverAt":"%s","payTypes":["CUSTOMER"],"reworkOf":null}
                """.formatted(repairOrderId, repairOrderId, vinOf(phone), phone, phone, handedOverAt)).id(eventId).publish();
    }

    /** Each test customer's car has its own VIN, so maintenance reminders (kept per vehicle) do not meet across tests. */
    static String vinOf(String phone) {
        return "LSVCD6AZ9" + phone.substring(phone.length() - 8);
    }

    /** A job of a repair order finished, keyed like the handover helper so it is consumed before that handover. */
    static void jobCompleted(String phone, String repairOrderId, String labourOperationCode) {
        IncomingEvents.publish("forecourt.workshop.job-completed.v1", phone, """
                {"repairOrderId":"%s","orderNumber":"RO-%s","jobId":"job-%s","labourOperationCode":"%s","hours":1.0,
                 "payType":"CUSTOMER","technicianId":"emp-tech","completedAt":"%s"}
                """.formatted(repairOrderId, repairOrderId, UUID.randomUUID(), labourOperationCode, Instant.now()));
    }

    JsonNode awaitCallbacks(String customerId, String kind, int count) {
        String path = "/api/v1/callbacks?customerId=" + customerId + "&kind=" + kind;
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(path).json().get("total").asInt() >= count);
        return api().get(path).json();
    }

    @Test
    void deliveringAVehicleCreatesAProfileAndADeliveryFollowUpWithinThreeDaysInsideACallWindow() {
        String phone = newPhone();
        Instant deliveredAt = Instant.now();
        delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), deliveredAt);

        JsonNode task = awaitCallbacks("cust-" + phone, "DELIVERY_FOLLOW_UP", 1).get("items").get(0);
        Instant dueAt = Instant.parse(task.get("dueAt").asString());
        assertThat(dueAt).isAfter(deliveredAt).isBeforeOrEqualTo(deliveredAt.plus(Duration.ofDays(3)));
        assertThat(Instant.parse(task.get("deadline").asString())).isEqualTo(deliveredAt.plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(planner.isInsideWindow(dueAt)).isTrue();
        LocalTime local = dueAt.atZone(SHANGHAI).toLocalTime();
        assertThat(local.isBefore(LocalTime.of(12, 0)) && !local.isBefore(LocalTime.of(10, 0))
                || local.isBefore(LocalTime.of(18, 0)) && !local.isBefore(LocalTime.of(15, 0))).as("local time %s", local).isTrue();
        assertThat(task.get("department").asString()).isEqualTo("sales");
        assertThat(task.get("staffId").asString()).isEqualTo("emp-sales");

        Api.Response profile = api().get("/api/v1/customers/cust-" + phone);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.at("/callConsent")).isEqualTo("true");
        assertThat(profile.at("/purchases/0/model")).isEqualTo("Lavida");
        assertThat(profile.at("/vehicles/0/vin")).isEqualTo("LSVAB4BM7RN000001");
        // The first-maintenance reminder is planned too: 6 months after delivery, 14 days ahead.
        JsonNode reminder = awaitCallbacks("cust-" + phone, "MAINTENANCE_REMINDER", 1).get("items").get(0);
        assertThat(reminder.at("/maintenance/kind").asString()).isEqualTo("FIRST");
        assertThat(reminder.at("/maintenance/dueOn").asString())
                .isEqualTo(deliveredAt.atZone(SHANGHAI).toLocalDate().plusMonths(6).toString());
    }

    @Test
    void handingOverARepairOrderCreatesAServiceFollowUpWithinThreeDaysAndTheSameEventTwiceCreatesOneTask() {
        String phone = newPhone();
        String eventId = UUID.randomUUID().toString();
        String repairOrderId = "ro-" + UUID.randomUUID();
        Instant handedOverAt = Instant.now();
        handedOver(eventId, phone, repairOrderId, handedOverAt);
        handedOver(eventId, phone, repairOrderId, handedOverAt);

        JsonNode first = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1);
        // A later, different handover of the same customer (same partition) shows that both copies were consumed.
        String marker = UUID.randomUUID().toString();
        handedOver(marker, phone, "ro-" + UUID.randomUUID(), handedOverAt.plusSeconds(60));
        awaitProcessed(marker);
        JsonNode all = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 2);

        assertThat(all.get("total").asInt()).isEqualTo(2);
        JsonNode task = first.get("items").get(0);
        assertThat(task.get("id").asString()).isEqualTo("service-" + eventId);
        Instant dueAt = Instant.parse(task.get("dueAt").asString());
        assertThat(dueAt).isAfter(handedOverAt).isBeforeOrEqualTo(handedOverAt.plus(Duration.ofDays(3)));
        assertThat(planner.isInsideWindow(dueAt)).isTrue();
        assertThat(api().get("/api/v1/customers/cust-" + phone).json().get("repairs").size()).isEqualTo(2);
    }

    @Test
    void aHandoverAt1755OnAFridayInTheStoresZoneIsDueSaturdayAtTen() {
        String phone = newPhone();
        Instant friday1755 = OffsetDateTime.parse("2026-11-20T17:55:00+08:00").toInstant();
        handedOver(UUID.randomUUID().toString(), phone, "ro-" + UUID.randomUUID(), friday1755);

        JsonNode task = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1).get("items").get(0);

        assertThat(task.get("dueAt").asString()).isEqualTo("2026-11-21T02:00:00Z");
        assertThat(task.get("windowEndsAt").asString()).isEqualTo("2026-11-21T04:00:00Z");
        assertThat(task.get("deadline").asString()).isEqualTo("2026-11-23T09:55:00Z");
        String list = "/api/v1/callbacks?kind=SERVICE_FOLLOW_UP&customerId=cust-" + phone + "&dueBefore=";
        assertThat(api().get(list + "2026-11-21T02:00:01Z").json().get("total").asInt()).isEqualTo(1);
        assertThat(api().get(list + "2026-11-21T02:00:00Z").json().get("total").asInt()).isZero();
    }

    @Test
    void aLowScoreOpensAComplaintAndResolvingItSchedulesTheVerifyingCallbackWhichClosesIt() {
        String phone = newPhone();
        handedOver(UUID.randomUUID().toString(), phone, "ro-" + UUID.randomUUID(), Instant.now());
        String callbackId = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1).at("/items/0/id").asString();

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            Api.Response completed = api().post("/api/v1/callbacks/" + callbackId + "/complete", """
                    {"scores":{"receptionSpeed":8,"completionSpeed":4,"checkoutSpeed":7,"partsPrice":6,"labourPrice":6,
                     "staff":8,"quotedUpFront":true,"explainedWork":false,"repairQuality":3,"cleanliness":7,"overall":5},
                     "customerWords":"等了三个小时，异响还在。","reworkRequested":true}
                    """);
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
            assertThat(completed.at("/lowScore")).isEqualTo("true");
            var callbackEvent = probe.await("forecourt.crm.callback-completed.v1", callbackId);
            EventSchemas.assertValid(callbackEvent);
            assertThat(callbackEvent.data().get("reworkRequested").asBoolean()).isTrue();

            String complaintId = "complaint-" + callbackId;
            var opened = probe.await("forecourt.crm.complaint-opened.v1", complaintId);
            EventSchemas.assertValid(opened);
            Api.Response complaint = api().get("/api/v1/complaints/" + complaintId);
            assertThat(complaint.at("/status")).isEqualTo("OPEN");
            assertThat(complaint.at("/source")).isEqualTo("LOW_SCORE");
            assertThat(complaint.at("/department")).isEqualTo("after-sales");
            assertThat(complaint.at("/summary")).contains("repairQuality 3", "completionSpeed 4", "overall 5");

            assertThat(api().post("/api/v1/complaints/" + complaintId + "/assign",
                    "{\"department\":\"after-sales\",\"ownerId\":\"emp-foreman\",\"ownerName\":\"Foreman\"}").status()).isEqualTo(200);
            Api.Response resolved = api().post("/api/v1/complaints/" + complaintId + "/resolve",
                    "{\"resolution\":\"Replaced the strut mount free of charge\"}");
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            EventSchemas.assertValid(probe.await("forecourt.crm.complaint-resolved.v1", complaintId));
            Instant resolvedAt = Instant.parse(resolved.at("/resolvedAt"));

            JsonNode verification = awaitCallbacks("cust-" + phone, "COMPLAINT_VERIFICATION", 1).get("items").get(0);
            assertThat(verification.get("complaintId").asString()).isEqualTo(complaintId);
            Instant dueAt = Instant.parse(verification.get("dueAt").asString());
            assertThat(dueAt).isBeforeOrEqualTo(resolvedAt.plus(Duration.ofDays(2)));
            assertThat(planner.isInsideWindow(dueAt)).isTrue();

            String verificationId = verification.get("id").asString();
            assertThat(api().post("/api/v1/callbacks/" + verificationId + "/complete",
                    "{\"resolutionAccepted\":true,\"customerWords\":\"现在没有异响了\"}").status()).isEqualTo(200);
            EventSchemas.assertValid(probe.await("forecourt.crm.callback-completed.v1", verificationId));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "CLOSED".equals(api().get("/api/v1/complaints/" + complaintId).at("/status")));
        }
        assertThat(api().get("/actuator/prometheus").body()).contains("forecourt_callbacks_completed_total");
    }

    @Test
    void aCallbackAnswerProblemNotFixedPublishesTheWorkshopsReworkRequestForTheRepairOrder() {
        String phone = newPhone();
        String repairOrderId = "ro-" + UUID.randomUUID();
        handedOver(UUID.randomUUID().toString(), phone, repairOrderId, Instant.now());
        String callbackId = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1).at("/items/0/id").asString();

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            // good manners, bad repair: not a low score, but the customer says the problem is not fixed
            Api.Response completed = api().post("/api/v1/callbacks/" + callbackId + "/complete", """
                    {"scores":{"receptionSpeed":9,"completionSpeed":8,"checkoutSpeed":9,"partsPrice":7,"labourPrice":7,
                     "staff":9,"quotedUpFront":true,"explainedWork":true,"repairQuality":6,"cleanliness":9,"overall":7},
                     "customerWords":"刹车还是响，问题没有解决","reworkRequested":true}
                    """);
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
            var request = probe.await("forecourt.crm.callback-completed.v1", callbackId);
            EventSchemas.assertValid(request);
            // what the workshop's rework request is made of: the flag, the earlier repair order, the customer's words
            assertThat(request.data().get("reworkRequested").asBoolean()).isTrue();
            assertThat(request.data().get("lowScore").asBoolean()).isFalse();
            assertThat(request.data().get("repairOrderId").asString()).isEqualTo(repairOrderId);
            assertThat(request.data().get("vin").asString()).isEqualTo(vinOf(phone));
            assertThat(request.data().get("customerId").asString()).isEqualTo("cust-" + phone);
            assertThat(request.data().get("customerWords").asString()).isEqualTo("刹车还是响，问题没有解决");
            assertThat(request.data().get("completedAt").asString()).isNotBlank();
        }

        // a call about no repair order cannot ask for rework (nobody would act on it): refused, the call stays open
        delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now());
        String delivery = awaitCallbacks("cust-" + phone, "DELIVERY_FOLLOW_UP", 1).at("/items/0/id").asString();
        Api.Response refused = api().post("/api/v1/callbacks/" + delivery + "/complete", """
                {"scores":{"overall":8},"customerWords":"不满意","reworkRequested":true}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.at("/type")).endsWith("/rework-needs-repair-order");
        assertThat(api().get("/api/v1/callbacks/" + delivery).at("/status")).isEqualTo("OPEN");
    }

    @Test
    void aCallThatDoesNotReachTheCustomerIsRetriedOnAnotherDayNotTheSameDay() {
        String phone = newPhone();
        handedOver(UUID.randomUUID().toString(), phone, "ro-" + UUID.randomUUID(), Instant.now());
        String callbackId = awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1).at("/items/0/id").asString();

        Api.Response first = api().post("/api/v1/callbacks/" + callbackId + "/not-reached", "{\"note\":\"no answer\"}");
        Api.Response again = api().post("/api/v1/callbacks/" + callbackId + "/not-reached", "{\"note\":\"still no answer\"}");

        assertThat(first.status()).isEqualTo(200);
        Instant retryAt = Instant.parse(first.at("/dueAt"));
        assertThat(retryAt.atZone(SHANGHAI).toLocalDate()).isAfter(ZonedDateTime.now(SHANGHAI).toLocalDate());
        assertThat(planner.isInsideWindow(retryAt)).isTrue();
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/type")).endsWith("/attempt-same-day");
    }

    @Test
    void staffEditAProfileWithOptimisticLockingAndAWithdrawnConsentStopsNewFollowUps() {
        String phone = newPhone();
        Api.Response created = api().post("/api/v1/customers", """
                {"name":"刘洋","phone":"%s","callConsent":true,"contacts":{"wechat":"liuyang"}}
                """.formatted(phone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/customers/cust-" + phone);
        String version = created.at("/version");

        Api.Response edited = api().put("/api/v1/customers/cust-" + phone, """
                {"version":%s,"name":"刘洋","callConsent":false,"contacts":{"wechat":"liuyang","email":"ly@example.com"},
                 "club":{"number":"VW-9","level":"GOLD","joinedOn":"2026-01-01"}}
                """.formatted(version));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.at("/club/level")).isEqualTo("GOLD");
        Api.Response stale = api().put("/api/v1/customers/cust-" + phone,
                "{\"version\":%s,\"name\":\"X\",\"callConsent\":true}".formatted(version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");

        String eventId = UUID.randomUUID().toString();
        handedOver(eventId, phone, "ro-" + UUID.randomUUID(), Instant.now());
        awaitProcessed(eventId);
        assertThat(api().get("/api/v1/customers/cust-" + phone).json().get("repairs").size()).isEqualTo(1);
        assertThat(api().get("/api/v1/callbacks?customerId=cust-" + phone).json().get("total").asInt()).isZero();
    }

    @Test
    void aCustomerWithoutAVisitForTwoYearsIsMarkedDormantAndGetsAReactivationCall() {
        String phone = newPhone();
        delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(800)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/customers/cust-" + phone).status() == 200);

        dormancy.markDormantCustomers();

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            EventSchemas.assertValid(probe.await("forecourt.crm.customer-marked-dormant.v1", "cust-" + phone));
        }
        String reactivation = awaitCallbacks("cust-" + phone, "REACTIVATION", 1).at("/items/0/id").asString();
        assertThat(api().post("/api/v1/callbacks/" + reactivation + "/complete",
                "{\"churnReason\":\"MOVED_AWAY\",\"customerWords\":\"搬到杭州了\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "MOVED_AWAY".equals(api().get("/api/v1/customers/cust-" + phone).at("/churnReason")));
        JsonNode churn = api().get("/api/v1/crm-reports/churn").json();
        assertThat(churn.get("reasons").get("MOVED_AWAY").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/v1/crm-reports/dormant-customers?size=200").body()).contains("cust-" + phone);
    }

    @Test
    void withoutThePermissionACallbackCannotBePerformed() {
        String readOnly = TestTokens.staff("advisor", "service-advisor", "callbacks:read");
        Api.Response response = Api.at(port).checked().as(readOnly).post("/api/v1/callbacks/any/complete", "{}");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void planningTheSameCauseTwiceFindsTheFirstTaskEvenWithoutThePlatformsDeduplication() {
        String phone = newPhone();
        String eventId = UUID.randomUUID().toString();
        handedOver(eventId, phone, "ro-" + UUID.randomUUID(), Instant.now());
        awaitProcessed(eventId);
        Customer customer = mongo.findById("cust-" + phone, Customer.class);
        CallbackTask first = mongo.findById("service-" + eventId, CallbackTask.class);

        // As if the handler crashed after its write and before the "processed" mark, and ran again.
        CallbackTask again = tasks.serviceFollowUp(eventId, first.getTriggeredAt(), customer, new CallbackTask.Subject(
                CallbackKind.SERVICE_FOLLOW_UP, null, customer.getId(), customer.getName(), customer.getPhone(), "x", "x",
                null, null, null, null, null, null)).orElseThrow();

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getStaffId()).isEqualTo("emp-advisor");
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(customer.getId()).and("kind").is(CallbackKind.SERVICE_FOLLOW_UP)),
                CallbackTask.class)).isEqualTo(1);
    }

    @Test
    void tasksAreDealtRoundRobinToTheCustomerServiceSpecialistsLearnedFromHr() {
        String a = "emp-crm-a-" + UUID.randomUUID();
        String b = "emp-crm-b-" + UUID.randomUUID();
        for (String id : new String[] {a, b}) {
            IncomingEvents.publish("forecourt.hr.employee-hired.v1", id, """
                    {"employeeId":"%s","username":"%s","name":"Specialist %s","positionCode":"customer-service-specialist",
                     "departmentCode":"customer-service","skills":[],"active":true}
                    """.formatted(id, id, id));
        }
        String advisor = "emp-advisor-" + UUID.randomUUID();
        IncomingEvents.publish("forecourt.hr.employee-hired.v1", advisor, """
                {"employeeId":"%s","username":"adv","name":"Advisor","positionCode":"service-advisor","departmentCode":"after-sales",
                 "skills":[],"active":true}
                """.formatted(advisor));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(a)), "specialists")
                && mongo.exists(Query.query(Criteria.where("_id").is(b)), "specialists")
                && mongo.exists(Query.query(Criteria.where("_id").is(advisor)), "specialists"));

        String phone = newPhone();
        handedOver(UUID.randomUUID().toString(), phone, "ro-" + UUID.randomUUID(), Instant.now());
        awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 1);
        String maintenance = "ro-" + UUID.randomUUID();
        jobCompleted(phone, maintenance, "MNT-10K");
        handedOver(UUID.randomUUID().toString(), phone, maintenance, Instant.now());
        awaitCallbacks("cust-" + phone, "SERVICE_FOLLOW_UP", 2);
        awaitCallbacks("cust-" + phone, "MAINTENANCE_REMINDER", 2);

        // Follow-ups and maintenance reminders take consecutive turns: over four tasks both specialists, and only they, appear.
        JsonNode all = api().get("/api/v1/callbacks?customerId=cust-" + phone).json();
        java.util.Set<String> assignees = new java.util.HashSet<>();
        all.get("items").forEach(task -> assignees.add(task.get("assigneeId").asString()));
        assertThat(all.get("total").asInt()).isEqualTo(4);
        assertThat(assignees).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aComplaintTakenInByStaffAndLeftOverdueIsEscalated() {
        String phone = newPhone();
        assertThat(api().post("/api/v1/customers", "{\"name\":\"陈静\",\"phone\":\"%s\",\"callConsent\":true}".formatted(phone))
                .status()).isEqualTo(201);
        Api.Response taken = api().post("/api/v1/complaints", """
                {"customerId":"cust-%s","department":"after-sales","summary":"Car returned dirty","customerWords":"车比送来时还脏"}
                """.formatted(phone));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String id = taken.at("/id");
        assertThat(taken.header("Location")).endsWith("/api/v1/complaints/" + id);
        assertThat(api().post("/api/v1/complaints/" + id + "/assign", """
                {"department":"after-sales","ownerId":"emp-foreman","ownerName":"Foreman","dueAt":"%s"}
                """.formatted(Instant.now().minus(Duration.ofHours(1)))).status()).isEqualTo(200);

        escalation.escalateOverdue();

        Api.Response escalated = api().get("/api/v1/complaints/" + id);
        assertThat(escalated.at("/escalationLevel")).isEqualTo("1");
        assertThat(escalated.at("/history/2/action")).isEqualTo("escalated");
        assertThat(api().get("/api/v1/complaints?escalated=true&customerId=cust-" + phone).json().get("total").asInt()).isEqualTo(1);
        Api.Response closeOpen = api().post("/api/v1/complaints/" + id + "/close", "{\"reason\":\"x\"}");
        assertThat(closeOpen.status()).isEqualTo(409);
        assertThat(closeOpen.at("/currentState")).isEqualTo("OPEN");
    }

    @Test
    void aCustomerReadAnswersItsVersionAsETagAndAnEditFromAStaleETagIsRefused() {
        String phone = newPhone();
        assertThat(api().post("/api/v1/customers", "{\"name\":\"周敏\",\"phone\":\"%s\",\"callConsent\":true}".formatted(phone))
                .status()).isEqualTo(201);
        Api.Response read = api().get("/api/v1/customers/cust-" + phone);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.at("/version") + "\"");

        Api.Response edited = api().header("If-Match", etag).put("/api/v1/customers/cust-" + phone,
                "{\"name\":\"周敏\",\"callConsent\":true,\"contacts\":{\"wechat\":\"zm\"}}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + edited.at("/version") + "\"");

        Api.Response stale = api().header("If-Match", etag).put("/api/v1/customers/cust-" + phone,
                "{\"name\":\"X\",\"callConsent\":true}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        assertThat(stale.at("/currentVersion")).isEqualTo(edited.at("/version"));
        assertThat(api().get("/api/v1/customers/cust-" + phone).at("/name")).isEqualTo("周敏");
        assertThat(api().header("If-Match", "not-a-tag").put("/api/v1/customers/cust-" + phone,
                "{\"name\":\"X\",\"callConsent\":true}").status()).isEqualTo(400);
    }

    @Test
    void aComplaintActionFromAStaleETagIsRefused() {
        String phone = newPhone();
        api().post("/api/v1/customers", "{\"name\":\"陈静\",\"phone\":\"%s\",\"callConsent\":true}".formatted(phone));
        Api.Response taken = api().post("/api/v1/complaints", """
                {"customerId":"cust-%s","department":"after-sales","summary":"Scratch on the door"}
                """.formatted(phone));
        String etag = taken.header("ETag");
        assertThat(etag).isEqualTo("\"" + taken.at("/version") + "\"");
        String id = taken.at("/id");
        assertThat(api().header("If-Match", etag).post("/api/v1/complaints/" + id + "/assign",
                "{\"department\":\"after-sales\",\"ownerId\":\"emp-foreman\"}").status()).isEqualTo(200);
        Api.Response stale = api().header("If-Match", etag).post("/api/v1/complaints/" + id + "/resolve", "{\"resolution\":\"x\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        assertThat(api().get("/api/v1/complaints/" + id).at("/status")).isEqualTo("OPEN");
    }

    @Test
    void aLateHiredEventDoesNotBringBackASpecialistWhoLeft() {
        String id = "emp-crm-late-" + UUID.randomUUID();
        Instant hiredAt = Instant.now().minus(Duration.ofDays(30));
        IncomingEvents.of("forecourt.hr.employee-left.v1", id, """
                {"employeeId":"%s","username":"%s","leftOn":"%s","positionCode":"customer-service-specialist"}
                """.formatted(id, id, java.time.LocalDate.now())).at(Instant.now()).publish();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)), "specialists"));

        String late = IncomingEvents.of("forecourt.hr.employee-hired.v1", id, """
                {"employeeId":"%s","username":"%s","name":"Late","positionCode":"customer-service-specialist",
                 "departmentCode":"customer-service","skills":[],"active":true}
                """.formatted(id, id)).at(hiredAt).publish();
        awaitProcessed(late);

        org.bson.Document specialist = mongo.findById(id, org.bson.Document.class, "specialists");
        assertThat(specialist.getBoolean("active")).isFalse();
        assertThat(specialist.get("name")).isNull();
    }
}
