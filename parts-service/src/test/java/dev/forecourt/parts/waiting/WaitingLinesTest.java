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
