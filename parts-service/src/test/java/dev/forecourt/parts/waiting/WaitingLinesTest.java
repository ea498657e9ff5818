package dev.forecourt.parts.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.parts.repairorders.PartsLine;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.parts.reservations.ReservationIds;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** Waiting repair-order lines: shown with the order that covers them, told their date, reserved when goods arrive. */
@ForecourtServiceTest
class WaitingLinesTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairOrders repairOrders;

    PartsFixture parts;
    Api workshop;
    final Instant now = Instant.now();
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        parts = new PartsFixture(port, repairOrders);
        workshop = Api.at(port).checked().as(TestTokens.staff("svc-workshop", "service-account", "parts:read", "parts:reserve"));
    }

    Api planner() {
        return Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "purchase-orders:write", "purchase-orders:read",
                "suppliers:read", "suppliers:write", "parts:read"));
    }

    @Test
    void waitingLinesAreToldTheirDateAndReservedOnArrivalInTheOrderOfTheirPromisedTimes() {
        String part = parts.part();
        // B promised first, D promised at the same time but its line added later, A later, C without a promise
        String a = waitingLine(part, 2, now.plus(Duration.ofHours(3)), now.minusSeconds(50));
        String b = waitingLine(part, 3, now.plus(Duration.ofHours(1)), now.minusSeconds(40));
        String c = waitingLine(part, 1, null, now.minusSeconds(60));
        String d = waitingLine(part, 4, now.plus(Duration.ofHours(1)), now.minusSeconds(30));

        JsonNode waiting = planner().get("/api/v1/parts/" + part + "/waiting-lines").json();
        assertThat(orders(waiting)).containsExactly(b, d, a, c);
        assertThat(waiting.get(0).get("coveredBy").asString()).isEqualTo("NOTHING");
        assertThat(orders(planner().get("/api/v1/parts-reports/waiting-lines?size=200").json().get("items"))).containsSubsequence(b, d, a, c);

        // an order of 9 confirmed for the day after tomorrow covers B, D and A (3 + 4 + 2), not C
        String supplier = supplier();
        String po = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":9}]}""".formatted(supplier, part)).at("/id");
        planner().post("/api/v1/purchase-orders/" + po + "/submit");
        String number = planner().post("/api/v1/purchase-orders/" + po + "/send").at("/orderNumber");
        LocalDate arrival = today.plusDays(2);
        Api.Response confirmed = planner().post("/api/v1/purchase-orders/" + po + "/confirmation", """
                {"lines":[{"lineNo":1,"confirmed":9,"expectedArrival":"%s"}]}""".formatted(arrival));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode covered = planner().get("/api/v1/purchase-orders/" + number + "/waiting-lines").json();
        assertThat(orders(covered)).containsExactly(b, d, a);
        assertThat(covered.get(0).get("expectedArrival").asString()).isEqualTo(arrival.toString());
        assertThat(covered.get(0).get("purchaseOrderNumber").asString()).isEqualTo(number);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            for (String ro : List.of(b, d, a)) {
                EventProbe.ReceivedEvent expected = probe.await("forecourt.parts.waiting-line-expected.v1", ro);
                EventSchemas.assertValid(expected);
                assertThat(expected.data().get("purchaseOrderNumber").asString()).isEqualTo(number);
                assertThat(expected.data().get("expectedArrival").asString()).isEqualTo(arrival.toString());
                assertThat(expected.data().get("partNumber").asString()).isEqualTo(part);
            }
            assertThat(probe.about(c)).isEmpty();
        }

        // 6 arrive: B (3) is served, D (4) does not fit whole and keeps waiting, A (2) and C (1) take the rest
        String receipt = receiveAgainst(number, part, 6);
        assertThat(parts.stock(part, "onHand")).isEqualTo(6).isEqualTo(parts.ledgerSum(part));
        assertThat(parts.stock(part, "reserved")).isEqualTo(6);
        assertThat(parts.stock(part, "available")).isZero();
        assertThat(orders(planner().get("/api/v1/parts/" + part + "/waiting-lines").json())).containsExactly(d);
        for (String ro : List.of(b, a, c)) {
            Api.Response reservation = workshop.get("/api/v1/reservations/" + ReservationIds.of(ro, "line-1"));
            assertThat(reservation.at("/status")).isEqualTo("ACTIVE");
        }
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent served = probe.await(e -> e.type().equals("forecourt.parts.waiting-line-reserved.v1")
                    && e.data().get("repairOrderId").asString().equals(b), "waiting-line-reserved of " + b);
            EventSchemas.assertValid(served);
            assertThat(served.subject()).isEqualTo(part);
            assertThat(served.data().get("goodsReceiptId").asString()).isEqualTo(receipt);
            assertThat(served.data().get("purchaseOrderNumber").asString()).isEqualTo(number);
            assertThat(served.data().get("quantity").asInt()).isEqualTo(3);
            assertThat(served.data().get("reservationId").asString()).isEqualTo(ReservationIds.of(b, "line-1"));
            EventSchemas.assertValid(probe.await(e -> e.type().equals("forecourt.parts.parts-reserved.v1")
                    && e.data().get("repairOrderId").asString().equals(b), "parts-reserved of " + b));
            probe.await(e -> e.type().equals("forecourt.parts.waiting-line-reserved.v1")
                    && e.data().get("repairOrderId").asString().equals(c), "waiting-line-reserved of " + c);
            assertThat(probe.about(part).stream().filter(e -> e.type().equals("forecourt.parts.waiting-line-reserved.v1")))
                    .hasSize(3);

            // the receipt's goods-received event delivered again (after stock came free) serves nothing a second time
            workshop.post("/api/v1/reservations/" + ReservationIds.of(a, "line-1") + "/release");
            workshop.post("/api/v1/reservations/" + ReservationIds.of(c, "line-1") + "/release");
            workshop.post("/api/v1/reservations/" + ReservationIds.of(b, "line-1") + "/release");
            assertThat(parts.stock(part, "available")).isEqualTo(6);
            EventProbe.ReceivedEvent received = probe.await("forecourt.parts.goods-received.v1", receipt);
            IncomingEvents.of("forecourt.parts.goods-received.v1", receipt, received.data().toString()).publish();
            sleep(3000);
            assertThat(parts.stock(part, "available")).isEqualTo(6);
            assertThat(orders(planner().get("/api/v1/parts/" + part + "/waiting-lines").json())).containsExactly(d);
        }

        // the back order arrives: D is served now
        receiveAgainst(number, part, 3);
        assertThat(planner().get("/api/v1/parts/" + part + "/waiting-lines").json()).isEmpty();
        assertThat(parts.stock(part, "reserved")).isEqualTo(4);
        assertThat(parts.stock(part, "onHand")).isEqualTo(9).isEqualTo(parts.ledgerSum(part));
        assertThat(planner().get("/api/v1/purchase-orders/" + po).at("/status")).isEqualTo("CLOSED");
    }

    @Test
    void aLineThatStartsWaitingAfterItsOrderWasConfirmedIsToldTheOrderAndDateOnce() {
        String part = parts.part();
        String first = waitingLine(part, 2, now.plus(Duration.ofHours(1)), now.minusSeconds(60));
        // an order of 5 confirmed for the day after tomorrow: it covers the first line and has 3 pieces to spare
        String supplier = supplier();
        String po = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":5}]}""".formatted(supplier, part)).at("/id");
        planner().post("/api/v1/purchase-orders/" + po + "/submit");
        String number = planner().post("/api/v1/purchase-orders/" + po + "/send").at("/orderNumber");
        LocalDate arrival = today.plusDays(2);
        Api.Response confirmed = planner().post("/api/v1/purchase-orders/" + po + "/confirmation", """
                {"lines":[{"lineNo":1,"confirmed":5,"expectedArrival":"%s"}]}""".formatted(arrival));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        // refused after the confirmation: told the order and its date at once
        String refusedLater = waitingLine(part, 2, now.plus(Duration.ofHours(2)), now.minusSeconds(30));
        // the workshop asked before parts-service knew the order: the line waits once its parts-line-added arrives
        String learntLater = PartsFixture.id("ro");
        assertThat(reserve(learntLater, part, 1).status()).isEqualTo(409);
        lineAdded(learntLater, part, 1);
        // nothing left for a fourth line: 2 + 2 + 1 of 5 are taken
        String uncovered = waitingLine(part, 3, null, now.plus(Duration.ofHours(1)));

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            probe.await("forecourt.parts.waiting-line-expected.v1", first);
            for (String ro : List.of(refusedLater, learntLater)) {
                EventProbe.ReceivedEvent expected = probe.await("forecourt.parts.waiting-line-expected.v1", ro);
                EventSchemas.assertValid(expected);
                assertThat(expected.data().get("repairOrderId").asString()).isEqualTo(ro);
                assertThat(expected.data().get("lineId").asString()).isEqualTo("line-1");
                assertThat(expected.data().get("partNumber").asString()).isEqualTo(part);
                assertThat(expected.data().get("purchaseOrderNumber").asString()).isEqualTo(number);
                assertThat(expected.data().get("expectedArrival").asString()).isEqualTo(arrival.toString());
            }
            assertThat(expected(probe, learntLater).get(0).data().get("quantity").asInt()).isEqualTo(1);

            // the workshop retries, the line is announced again, the opening comes late: still one event per line
            assertThat(reserve(refusedLater, part, 2).status()).isEqualTo(409);
            lineAdded(learntLater, part, 1);
            IncomingEvents.publish("forecourt.workshop.repair-order-opened.v1", learntLater, """
                    {"repairOrderId":"%s","orderNumber":"RO-%s","appointmentId":null,"vin":"LSVAB4BM2RN000004","plate":"沪A12345",
                     "brand":"Volkswagen","model":"Lavida","customerId":"cust-13800000001","customerName":"Wang Fang",
                     "customerPhone":"13800000001","advisorId":"emp-0007","advisorName":"Zhou Min","odometerInKm":23000,
                     "complaint":"brakes judder","promisedAt":"%s","openedAt":"%s","reworkOf":null}"""
                    .formatted(learntLater, learntLater, now.plus(Duration.ofHours(3)), now));
            assertThat(reserve(first, part, 2).status()).isEqualTo(409);
            sleep(3000);
            for (String ro : List.of(first, refusedLater, learntLater)) {
                assertThat(expected(probe, ro)).as(ro).hasSize(1);
            }
            assertThat(expected(probe, uncovered)).isEmpty();
        }
        assertThat(planner().get("/api/v1/purchase-orders/" + number + "/waiting-lines").json()).hasSize(3);
    }

    @Test
    void aLineRefusedWhileNoOrderIsConfirmedIsToldNothingUntilTheConfirmation() {
        String part = parts.part();
        String po = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":2}]}""".formatted(supplier(), part)).at("/id");
        planner().post("/api/v1/purchase-orders/" + po + "/submit");
        planner().post("/api/v1/purchase-orders/" + po + "/send");
        // sent but not confirmed: the order covers the line, without a date to tell
        String ro = waitingLine(part, 2, null, now);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            sleep(2000);
            assertThat(expected(probe, ro)).isEmpty();
            planner().post("/api/v1/purchase-orders/" + po + "/confirmation", """
                    {"lines":[{"lineNo":1,"confirmed":2,"expectedArrival":"%s"}]}""".formatted(today.plusDays(3)));
            EventSchemas.assertValid(probe.await("forecourt.parts.waiting-line-expected.v1", ro));
            sleep(2000);
            assertThat(expected(probe, ro)).hasSize(1);
        }
    }

    @Test
    void aLineOfAnOrderThatEndedOrWasRemovedNoLongerWaits() {
        String part = parts.part();
        String cancelled = waitingLine(part, 1, null, now);
        String removed = waitingLine(part, 1, null, now);
        String open = waitingLine(part, 1, null, now);
        repairOrders.learnOrder(cancelled, "RO-" + cancelled, "LSVAB4BM7RN000001", "cust-13800000001", "13800000001", List.of(),
                now, null, now);
        repairOrders.learnOrder(removed, "RO-" + removed, "LSVAB4BM7RN000001", "cust-13800000001", "13800000001",
                List.of(new PartsLine("line-1", part, 1, Money.cny("10.00"), "CUSTOMER", now, true)), now, null, null);
        assertThat(orders(planner().get("/api/v1/parts/" + part + "/waiting-lines").json())).containsExactly(open);

        parts.receive(part, 5);
        assertThat(parts.stock(part, "reserved")).isEqualTo(1);
        assertThat(workshop.get("/api/v1/reservations/" + ReservationIds.of(cancelled, "line-1")).at("/status")).isEqualTo("REFUSED");
        assertThat(workshop.get("/api/v1/reservations/" + ReservationIds.of(open, "line-1")).at("/status")).isEqualTo("ACTIVE");
    }

    @Test
    void concurrentArrivalsAndWorkshopRetriesReserveEachLineOnceAndNeverMoreThanArrived() throws Exception {
        String part = parts.part();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(waitingLine(part, 1, now.plusSeconds(i), now));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(() -> parts.receive(part, 2));
            }
            for (String ro : lines) {
                work.add(() -> reserve(ro, part, 1));
            }
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(parts.stock(part, "onHand")).isEqualTo(8).isEqualTo(parts.ledgerSum(part));
        assertThat(parts.stock(part, "reserved")).isEqualTo(8);
        JsonNode stock = parts.api().get("/api/v1/parts/" + part + "/stock").json();
        assertThat(stock.get("reservations")).hasSize(8);
        assertThat(StreamSupport.stream(stock.get("reservations").spliterator(), false).mapToInt(r -> r.get("quantity").asInt()).sum())
                .isEqualTo(8);
        assertThat(planner().get("/api/v1/parts/" + part + "/waiting-lines").json()).hasSize(2);
        long reservedMovements = StreamSupport.stream(parts.api().get("/api/v1/parts/" + part + "/movements?size=200").json().get("items")
                .spliterator(), false).filter(m -> m.get("type").asString().equals("RESERVATION")).count();
        assertThat(reservedMovements).isEqualTo(8);
    }

    /** An open repair order with one parts line whose reservation was refused (nothing on the shelf); returns its id. */
    private String waitingLine(String part, int quantity, Instant promisedAt, Instant addedAt) {
        String ro = PartsFixture.id("ro");
        repairOrders.learnOrder(ro, "RO-" + ro, "LSVAB4BM7RN000001", "cust-13800000001", "13800000001",
                List.of(new PartsLine("line-1", part, quantity, Money.cny("10.00"), "CUSTOMER", addedAt, false)), now, promisedAt, null);
        Api.Response refused = reserve(ro, part, quantity);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        return ro;
    }

    private Api.Response reserve(String ro, String part, int quantity) {
        return workshop.post("/api/v1/reservations", """
                {"repairOrderId":"%s","lineId":"line-1","partNumber":"%s","quantity":%d}""".formatted(ro, part, quantity));
    }

    private static List<EventProbe.ReceivedEvent> expected(EventProbe probe, String repairOrderId) {
        return probe.about(repairOrderId).stream().filter(e -> e.type().equals("forecourt.parts.waiting-line-expected.v1")).toList();
    }

    /** The workshop's parts-line-added event for line-1 of the order (as the workshop sends it). */
    private static void lineAdded(String ro, String part, int quantity) {
        IncomingEvents.publish("forecourt.workshop.parts-line-added.v1", ro, """
                {"repairOrderId":"%s","orderNumber":"RO-%s","lineId":"line-1","jobId":"job-1","partNumber":"%s","description":"part",
                 "quantity":%d,"unitPrice":{"amount":10.00,"currency":"CNY"},"payType":"CUSTOMER","reservationId":null,
                 "addedAt":"%s"}""".formatted(ro, ro, part, quantity, Instant.now()));
    }

    private String receiveAgainst(String order, String part, int quantity) {
        Api.Response receipt = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"Supplier","deliveryNote":"%s","purchaseOrder":"%s","lines":[
                  {"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":0,"purchaseOrderLine":1}]}"""
                .formatted(PartsFixture.id("DN"), order, part, quantity, quantity));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.at("/id");
    }

    private String supplier() {
        String code = "LOC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response registered = planner().post("/api/v1/suppliers", """
                {"code":"%s","name":"Local supplier","kind":"LOCAL","leadTimeDays":2,"genuineOem":true}""".formatted(code));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return code;
    }

    private static List<String> orders(JsonNode lines) {
        return StreamSupport.stream(lines.spliterator(), false).map(l -> l.get("repairOrderId").asString()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
