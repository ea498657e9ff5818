package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;

/**
 * Faults hitting the running embedded stack while it is written to through the gateway: the Kafka
 * broker stopped, parts-service and the OEM (simulator) down, the MongoDB-wire server restarted.
 * Each scenario brings the part back before it ends, so the stack is whole for the next test.
 * The figures go to {@link FaultReport}.
 */
class StackFaultsTest {

    private static StoreState store;

    @BeforeAll
    static void connect() {
        RunningStack.ensureStarted();
        store = new StoreState(RunningStack.MONGO);
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @Test
    void kafkaStoppedUnderWritesEveryEventArrivesWhenItReturnsAndConsumersApplyEachOnce() {
        Devstack stack = RunningStack.stack();
        Api gm = RunningStack.as("gm");
        Api technician = RunningStack.as("technician");
        String technicianId = Desk.technicianId(gm);
        await(() -> store.documentsWithPendingEvents() == 0, Duration.ofSeconds(60), "the outboxes to drain before the outage");

        List<String> repairOrders = new ArrayList<>();
        List<String> vehicles = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        int tried = 0;
        Set<String> heldDuringOutage;
        long outageStarted = System.nanoTime();
        stack.stopKafka();
        try {
            for (int n = 0; n < 6; n++) {
                tried += 7;
                repairOrders.add(Desk.repairOrderHandedOver(gm, technician, technicianId, n, Desk.newPhone()));
            }
            for (int n = 0; n < 8; n++) {
                tried++;
                String vin = Desk.newVin();
                Desk.expect(gm.post("/api/v1/vehicles", Desk.vehicle(vin)), 201);
                vehicles.add(vin);
            }
            for (int n = 0; n < 5; n++) {
                tried++;
                receipts.add(Desk.expect(gm.post("/api/v1/goods-receipts",
                        Desk.goodsReceipt("DN-KAFKA-" + System.nanoTime(), "06L115562B", 2)), 201).at("/id"));
            }
            // everything written while Kafka was away waits in the outboxes
            heldDuringOutage = pendingEventIds();
        } finally {
            stack.startKafka();
        }
        long outageSeconds = Duration.ofNanos(System.nanoTime() - outageStarted).toSeconds();

        Set<String> written = new HashSet<>(repairOrders);
        written.addAll(vehicles);
        written.addAll(receipts);
        try (TopicReader kafka = new TopicReader(RunningStack.KAFKA,
                List.of("forecourt.workshop.events", "forecourt.sales.events", "forecourt.parts.events"))) {
            Set<String> missing = kafka.awaitIds(heldDuringOutage, Duration.ofSeconds(120));
            assertThat(missing).as("events written during the outage and not on Kafka after it").isEmpty();
            Set<String> handoverMissing = kafka.awaitSubjects(new HashSet<>(repairOrders),
                    "forecourt.workshop.repair-order-handed-over.v1", Duration.ofSeconds(30));
            assertThat(handoverMissing).as("repair orders without a handover event").isEmpty();
            assertThat(kafka.awaitSubjects(new HashSet<>(vehicles), "forecourt.sales.vehicle-received.v1", Duration.ofSeconds(30)))
                    .as("vehicles without their event").isEmpty();
            await(() -> store.documentsWithPendingEvents() == 0, Duration.ofSeconds(60), "the outboxes to drain after the outage");

            // consumers: CRM schedules exactly one service follow-up per handed-over order
            for (String order : repairOrders) {
                await(() -> followUps(order) >= 1, Duration.ofSeconds(90), "CRM's follow-up callback for " + order);
            }
            List<TopicReader.Event> aboutWrites = kafka.about(written, Duration.ofSeconds(3));
            Map<String, Integer> copies = TopicReader.copiesById(aboutWrites);
            long redelivered = copies.values().stream().filter(c -> c > 1).count();
            for (String order : repairOrders) {
                assertThat(followUps(order)).as("follow-up callbacks for " + order).isEqualTo(1);
            }
            FaultReport.record("kafka-outage", "outage " + outageSeconds + " s; requests " + tried + " (all 2xx); aggregates written "
                    + written.size() + " (" + repairOrders.size() + " repair orders handed over, " + vehicles.size() + " vehicles received, "
                    + receipts.size() + " goods receipts); events held in outboxes " + heldDuringOutage.size()
                    + ", on Kafka after " + (heldDuringOutage.size() - missing.size()) + ", lost 0; distinct ce_ids about the written aggregates "
                    + copies.size() + " in " + aboutWrites.size() + " records (" + redelivered + " ids sent more than once); "
                    + "CRM follow-ups " + repairOrders.size() + " for " + repairOrders.size() + " handovers (exactly one each)");
        }
    }

    @Test
    void partsServiceDownRepairOrdersOpenWithPartsPendingAndAreReservedOnceItIsBack() {
        Devstack stack = RunningStack.stack();
        Api gm = RunningStack.as("gm");
        List<String> orders = new ArrayList<>();
        stack.stopComponent("parts-service");
        try {
            for (int n = 0; n < 3; n++) {
                Api.Response opened = Desk.expect(gm.post("/api/v1/repair-orders", Desk.openRepairOrder(100 + n, Desk.newPhone(), "06L115562B")), 201);
                assertThat(opened.at("/partsPending")).isEqualTo("true");
                assertThat(opened.at("/partsLines/0/reservation")).isEqualTo("PENDING");
                assertThat(opened.at("/partsNotice")).isNotBlank();
                orders.add(opened.at("/id"));
            }
        } finally {
            stack.startComponent("parts-service");
        }
        long back = System.nanoTime();
        for (String order : orders) {
            await(() -> "RESERVED".equals(gm.get("/api/v1/repair-orders/" + order).at("/partsLines/0/reservation")),
                    Duration.ofSeconds(120), "the pending parts line of " + order + " to be reserved");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - back).toSeconds();
        for (String order : orders) {
            Api.Response reservations = Desk.expect(gm.get("/api/v1/reservations?repairOrderId=" + order), 200);
            var list = reservations.json().isArray() ? reservations.json() : reservations.json().path("items");
            assertThat(list.size()).as("reservations of " + order).isEqualTo(1);
            assertThat(gm.get("/api/v1/repair-orders/" + order).at("/partsPending")).isEqualTo("false");
        }
        FaultReport.record("parts-service-down", orders.size() + " repair orders opened with parts lines while parts-service was down: "
                + orders.size() + " answered 201 with the line PENDING; all reserved (exactly one reservation each) "
                + seconds + " s after parts-service was back");
    }

    @Test
    void oemDownClaimsWaitAsSubmissionPendingAndAreDeliveredOnceItIsBack() {
        Devstack stack = RunningStack.stack();
        Api gm = RunningStack.as("gm");
        List<String> claims = new ArrayList<>();
        stack.stopComponent("oem-simulator");
        try {
            for (int n = 0; n < 2; n++) {
                String id = Desk.expect(gm.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-oem-down-" + System.nanoTime())), 201).at("/id");
                Api.Response submitted = gm.post("/api/v1/warranty-claims/" + id + "/submit");
                assertThat(submitted.status()).as(submitted.toString()).isBetween(200, 202);
                assertThat(submitted.at("/status")).isEqualTo("SUBMISSION_PENDING");
                claims.add(id);
            }
        } finally {
            stack.startComponent("oem-simulator");
        }
        long back = System.nanoTime();
        for (String claim : claims) {
            await(() -> !"SUBMISSION_PENDING".equals(gm.get("/api/v1/warranty-claims/" + claim).at("/status")),
                    Duration.ofSeconds(150), "claim " + claim + " to reach the OEM");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - back).toSeconds();
        Api oem = Api.at(RunningStack.direct(8090)).header("X-Api-Key", "dev-oem-api-key");
        String received = Desk.expect(oem.get("/oem/v1/warranty-claims"), 200).body();
        for (String claim : claims) {
            String number = gm.get("/api/v1/warranty-claims/" + claim).at("/claimNumber");
            assertThat(occurrences(received, "\"" + number + "\"")).as("times the OEM received " + number).isEqualTo(1);
        }
        FaultReport.record("oem-down", claims.size() + " claims submitted while the OEM was down: all SUBMISSION_PENDING; all delivered "
                + "(each received once by the OEM) " + seconds + " s after it was back");
    }

    @Test
    void mongoWireServerRestartedServicesReconnectAndKeepTheirData() {
        Devstack stack = RunningStack.stack();
        Api gm = RunningStack.as("gm");
        List<String> before = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            before.add(Desk.expect(gm.post("/api/v1/leads", Desk.lead(200 + n, Desk.newPhone())), 201).at("/id"));
        }
        Map<String, java.util.function.Supplier<Api.Response>> writes = new java.util.LinkedHashMap<>();
        writes.put("sales", () -> gm.post("/api/v1/leads", Desk.lead(300, Desk.newPhone())));
        writes.put("workshop", () -> gm.post("/api/v1/repair-orders", Desk.openRepairOrder(300, Desk.newPhone(), null)));
        writes.put("parts", () -> gm.post("/api/v1/goods-receipts", Desk.goodsReceipt("DN-MONGO-" + System.nanoTime(), "1K0819653B", 1)));
        writes.put("claims", () -> gm.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-mongo-" + System.nanoTime())));
        writes.put("crm", () -> gm.post("/api/v1/customers", "{\"name\":\"重启\",\"phone\":\"" + Desk.newPhone() + "\",\"callConsent\":true}"));
        long restarted = System.nanoTime();
        stack.restartMongo();
        // A request that meets a pooled connection the restart cut fails once (the driver then drops the pool);
        // every service must write again by itself, without being restarted.
        Map<String, Integer> failedWhileReconnecting = new java.util.TreeMap<>();
        for (var write : writes.entrySet()) {
            await(() -> {
                boolean ok = write.getValue().get().status() == 201;
                if (!ok) {
                    failedWhileReconnecting.merge(write.getKey(), 1, Integer::sum);
                }
                return ok;
            }, Duration.ofSeconds(60), write.getKey() + " to write again after the MongoDB restart");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();

        int writesAfter = 0;
        for (int n = 0; n < 3; n++) {
            for (var write : writes.entrySet()) {
                Api.Response response = write.getValue().get();
                assertThat(response.status()).as(write.getKey() + " after reconnecting: " + response).isEqualTo(201);
                writesAfter++;
            }
        }
        Desk.expect(RunningStack.gateway().post("/api/v1/auth/token", "{\"username\":\"gm\",\"password\":\"demo1234\"}"), 200);
        for (String lead : before) {
            Desk.expect(gm.get("/api/v1/leads/" + lead), 200);
        }
        await(() -> store.documentsWithPendingEvents() == 0, Duration.ofSeconds(60), "the outboxes to drain after the restart");
        FaultReport.record("mongo-restart", "every service wrote again within " + seconds + " s of the restart, without being restarted "
                + "(requests failed on a connection the restart cut, per service: " + failedWhileReconnecting + "); then " + writesAfter
                + " writes across sales, workshop, parts, claims, crm all 2xx, "
                + "a login 200; " + before.size() + " leads written before the restart all still there; outboxes drained");
    }

    private static Set<String> pendingEventIds() {
        Set<String> ids = new HashSet<>();
        for (String database : store.client().listDatabaseNames()) {
            if (!database.startsWith("forecourt-")) {
                continue;
            }
            for (String collection : store.client().getDatabase(database).listCollectionNames()) {
                for (Document document : store.collection(database, collection)
                        .find(new Document("pendingEvents.0", new Document("$exists", true)))) {
                    for (Document event : document.getList("pendingEvents", Document.class)) {
                        ids.add(event.getString("eventId"));
                    }
                }
            }
        }
        return ids;
    }

    private static long followUps(String repairOrderId) {
        return store.collection("forecourt-crm", "callbacks")
                .countDocuments(new Document("repairOrderId", repairOrderId).append("kind", "SERVICE_FOLLOW_UP"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    static void await(BooleanSupplier condition, Duration atMost, String what) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a connection refused while a part restarts
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + atMost + " waiting for " + what);
            }
            StoreState.pause(Duration.ofMillis(500));
        }
    }
}
