package dev.forecourt.sales.orders;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;
import dev.forecourt.sales.stock.Vehicle;

@ForecourtServiceTest
class SalesOrderApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    @Test
    void twentyConcurrentConfirmationsOfDifferentOrdersForOneVinReserveItOnce() throws Exception {
        String vin = fx.vehicleInStock("150000.00", true);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Response draft = fx.draftOrder(CONSULTANT, vin, "0");
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            orderIds.add(draft.at("/id"));
        }
        long versionBefore = mongo.findById(vin, Vehicle.class).getVersion();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String id : orderIds) {
            answers.add(pool.submit(() -> {
                start.await();
                return fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/confirm");
            }));
        }
        start.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(19)
                .allSatisfy(r -> assertThat(r.at("/type")).isEqualTo("https://forecourt.dev/problems/vin-already-reserved"));
        String winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().at("/id");

        Vehicle vehicle = mongo.findById(vin, Vehicle.class);
        assertThat(vehicle.getStatus().name()).isEqualTo("RESERVED");
        assertThat(vehicle.getReservedBy()).isEqualTo(winner);
        assertThat(vehicle.getVersion()).as("reserved by exactly one update").isEqualTo(versionBefore + 1);
        long confirmed = orderIds.stream().filter(id -> "CONFIRMED".equals(fx.order(id).at("/status"))).count();
        assertThat(confirmed).isEqualTo(1);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.sales-order-confirmed.v1", winner));
        }
    }

    @Test
    void deliveryBeforeFullPaymentIsRefusedAndChangesNothingThenSucceedsAndPublishesVehicleDelivered() {
        String vin = fx.vehicleInStock("100000.00", true);
        String id = fx.confirmedOrder(vin);
        assertThat(fx.pay(id, "DEPOSIT", "10000.00").status()).isEqualTo(200);
        Api.Response before = fx.order(id);

        Api.Response early = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/delivery", "{\"odometerKm\":8}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(new BigDecimal(early.at("/balanceDue/amount"))).isEqualByComparingTo("94000.00");
        assertThat(fx.order(id).body()).isEqualTo(before.body());
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("RESERVED");

        Api.Response paid = fx.pay(id, "BALANCE", before.json().at("/balanceDue/amount").asString());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.at("/status")).isEqualTo("PAID");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("SOLD");

        Api.Response delivered = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/delivery", "{\"odometerKm\":8}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.at("/status")).isEqualTo("DELIVERED");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("DELIVERED");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.vehicle-delivered.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("vin").asString()).isEqualTo(vin);
            assertThat(event.data().get("customerPhone").asString()).isEqualTo("13800000001");
            assertThat(event.data().get("odometerKm").asInt()).isEqualTo(8);
            assertThat(event.data().get("deliveryDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(event.cloudEvent().getSource().toString()).isEqualTo("/stores/store-001/sales-service");
        }
    }

    @Test
    void aVehicleCannotBeSoldBeforeItsPdiSoTheSettlingPaymentIsRefused() {
        String vin = fx.vehicleInStock("100000.00", null);
        String id = fx.confirmedOrder(vin);
        Api.Response settle = fx.pay(id, "BALANCE", fx.order(id).at("/balanceDue/amount"));

        assertThat(settle.status()).isEqualTo(422);
        assertThat(settle.at("/type")).isEqualTo("https://forecourt.dev/problems/pdi-not-passed");
        assertThat(fx.order(id).at("/status")).isEqualTo("CONFIRMED");
        assertThat(fx.order(id).json().get("payments").size()).isZero();
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("RESERVED");

        fx.pdi(vin, true);
        assertThat(fx.pay(id, "BALANCE", fx.order(id).at("/balanceDue/amount")).at("/status")).isEqualTo("PAID");
    }

    @Test
    void deliveryNeedsAPassedPdiEvenWhenPaidAndNothingChangesWhenRefused() {
        String vin = fx.vehicleInStock("100000.00", true);
        String id = fx.confirmedOrder(vin);
        fx.pay(id, "BALANCE", fx.order(id).at("/balanceDue/amount"));
        fx.pdi(vin, false);

        Api.Response refused = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/delivery", "{\"odometerKm\":5}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/pdi-not-passed");
        assertThat(fx.order(id).at("/status")).isEqualTo("PAID");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("SOLD");
    }

    @Test
    void aDiscountOverTheLimitNeedsTheSalesManager() {
        String vin = fx.vehicleInStock("100000.00", true);
        Api.Response draft = fx.draftOrder(CONSULTANT, vin, "3500.00");
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.at("/discountApproval")).isEqualTo("PENDING");
        String id = draft.at("/id");

        Api.Response confirm = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/confirm");
        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.at("/type")).isEqualTo("https://forecourt.dev/problems/discount-approval-required");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("IN_STOCK");
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/discount-approval").status()).isEqualTo(403);

        Api.Response approved = fx.as(MANAGER).post("/api/v1/sales-orders/" + id + "/discount-approval");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.at("/discountApproval")).isEqualTo("APPROVED");
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/confirm").status()).isEqualTo(200);

        String other = fx.vehicleInStock("100000.00", true);
        assertThat(fx.draftOrder(CONSULTANT, other, "3000.00").at("/discountApproval")).isEqualTo("NOT_NEEDED");
        assertThat(fx.draftOrder(MANAGER, other, "6000.00").at("/discountApproval")).isEqualTo("APPROVED");
    }

    @Test
    void theOrderPricesAddOnsAndTakesADeposit() {
        String vin = fx.vehicleInStock("100000.00", true);
        Api.Response draft = fx.draftOrder(CONSULTANT, vin, "1000.00");
        assertThat(new BigDecimal(draft.at("/totalPrice/amount"))).isEqualByComparingTo("104000.00");
        assertThat(draft.json().get("addOns").size()).isEqualTo(2);
        Api.Response deposit = fx.pay(draft.at("/id"), "DEPOSIT", "5000.00");
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(new BigDecimal(deposit.at("/balanceDue/amount"))).isEqualByComparingTo("99000.00");
        assertThat(fx.pay(draft.at("/id"), "INSTALMENT", "99000.01").status()).isEqualTo(422);
    }

    @Test
    void cancellingAConfirmedOrderReleasesTheVinForAnotherOrder() {
        String vin = fx.vehicleInStock("100000.00", true);
        String first = fx.confirmedOrder(vin);
        fx.pay(first, "DEPOSIT", "2000.00");

        Api.Response noReason = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + first + "/cancel", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        Api.Response cancelled = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + first + "/cancel", "{\"reason\":\"financing refused\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("IN_STOCK");

        String second = fx.confirmedOrder(vin);
        assertThat(fx.vehicle(vin).at("/reservedBy")).isEqualTo(second);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.sales-order-cancelled.v1", first);
            EventSchemas.assertValid(event);
            assertThat(new BigDecimal(event.data().at("/refundDue/amount").asString())).isEqualByComparingTo("2000.00");
        }
    }

    @Test
    void demoCarsAndUnknownVinsCannotBeOrdered() {
        String demo = fx.vehicleInStock("100000.00", true);
        fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + demo + "/demo-pool");
        assertThat(fx.draftOrder(CONSULTANT, demo, "0").status()).isEqualTo(422);
        assertThat(fx.draftOrder(CONSULTANT, SalesFixtures.newVin(), "0").status()).isEqualTo(404);
    }

    @Test
    void permissionsComeFromTheToken() {
        String vin = fx.vehicleInStock("100000.00", true);
        assertThat(fx.draftOrder(STOCK_ADMIN, vin, "0").status()).isEqualTo(403);
        String id = fx.confirmedOrder(vin);
        fx.pay(id, "BALANCE", fx.order(id).at("/balanceDue/amount"));
        Api.Response delivery = fx.as(dev.forecourt.platform.test.TestTokens.staff("sales2", "sales-consultant", "sales-orders:write"))
                .post("/api/v1/sales-orders/" + id + "/delivery", "{\"odometerKm\":1}");
        assertThat(delivery.status()).isEqualTo(403);
        assertThat(fx.order(id).at("/status")).isEqualTo("PAID");
    }

    @Test
    void aCancelledOrderWithADepositShowsAndRecordsItsRefund() {
        String vin = fx.vehicleInStock("100000.00", true);
        String id = fx.confirmedOrder(vin);
        assertThat(fx.pay(id, "DEPOSIT", "10000.00").status()).isEqualTo(200);
        Api.Response cancelled = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/cancel", "{\"reason\":\"financing refused\"}");
        assertThat(new BigDecimal(cancelled.at("/balanceDue/amount"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(cancelled.at("/refundDue/amount"))).isEqualByComparingTo("10000.00");

        String refund = "{\"method\":\"CARD\",\"amount\":" + SalesFixtures.money("%s") + ",\"note\":\"deposit back\"}";
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/refunds", refund.formatted("10000.00")).status()).isEqualTo(403);
        Api.Response tooMuch = fx.as(MANAGER).post("/api/v1/sales-orders/" + id + "/refunds", refund.formatted("10000.01"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.at("/type")).isEqualTo("https://forecourt.dev/problems/refund-exceeds-due");
        Api.Response refunded = fx.as(MANAGER).post("/api/v1/sales-orders/" + id + "/refunds", refund.formatted("10000.00"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(new BigDecimal(refunded.at("/refundDue/amount"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(refunded.at("/refunded/amount"))).isEqualByComparingTo("10000.00");
        assertThat(refunded.at("/refunds/0/method")).isEqualTo("CARD");
        assertThat(refunded.header("ETag")).isEqualTo("\"" + refunded.at("/version") + "\"");

        String open = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        assertThat(fx.as(MANAGER).post("/api/v1/sales-orders/" + open + "/refunds", refund.formatted("1.00")).status()).isEqualTo(409);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.sales-order-cancelled.v1", id);
            EventSchemas.assertValid(event);
            assertThat(new BigDecimal(event.data().at("/refundDue/amount").asString())).isEqualByComparingTo("10000.00");
            EventProbe.ReceivedEvent recorded = probe.await("forecourt.sales.refund-recorded.v1", id);
            EventSchemas.assertValid(recorded);
            assertThat(recorded.data().get("customerId").asString()).isEqualTo("cust-13800000001");
        }
    }
}
