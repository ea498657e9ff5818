package dev.forecourt.sales;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static dev.forecourt.sales.SalesFixtures.USED_CAR_SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * Every business state change of the showroom is an event on forecourt.sales.events, valid against
 * its schema in docs/events/sales.yaml, and every event about a customer names them by customerId.
 */
@ForecourtServiceTest
class SalesEventStreamTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    static EventProbe.ReceivedEvent expect(EventProbe probe, String type, String subject) {
        EventProbe.ReceivedEvent event = probe.await("forecourt.sales." + type + ".v1", subject);
        EventSchemas.assertValid(event);
        return event;
    }

    static void aboutTheCustomer(EventProbe.ReceivedEvent event, String phone) {
        assertThat(event.data().get("customerId").asString()).as(event.type()).isEqualTo("cust-" + phone);
    }

    @Test
    void aLeadsLifeIsOnTheStream() {
        Api.Response opened = fx.as(CONSULTANT).post("/api/v1/leads", """
                {"customer":{"name":"赵敏","phone":"13900000011"},"source":"WALK_IN","interest":{"model":"Passat","trim":"330TSI"}}""");
        String id = opened.at("/id");
        fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/contacts", "{\"channel\":\"IN_PERSON\",\"note\":\"walked in\"}");
        fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/progress", "{\"status\":\"QUOTED\"}");
        assertThat(fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/assignment", "{\"id\":\"emp-sales2\",\"name\":\"Sales Two\"}")
                .status()).isEqualTo(200);
        fx.as(CONSULTANT).post("/api/v1/leads/" + id + "/won", "{}");

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent leadOpened = expect(probe, "lead-opened", id);
            aboutTheCustomer(leadOpened, "13900000011");
            assertThat(leadOpened.data().get("customerPhone").asString()).isEqualTo("13900000011");
            assertThat(leadOpened.data().get("source").asString()).isEqualTo("WALK_IN");
            EventProbe.ReceivedEvent contacted = expect(probe, "lead-contacted", id);
            aboutTheCustomer(contacted, "13900000011");
            assertThat(contacted.data().get("channel").asString()).isEqualTo("IN_PERSON");
            assertThat(contacted.data().get("firstContact").asBoolean()).isTrue();
            assertThat(expect(probe, "lead-advanced", id).data().get("to").asString()).isEqualTo("QUOTED");
            assertThat(expect(probe, "lead-reassigned", id).data().get("toConsultantId").asString()).isEqualTo("emp-sales2");
            aboutTheCustomer(expect(probe, "lead-won", id), "13900000011");
        }
    }

    @Test
    void testDrivesBookedCompletedAndCancelledAreOnTheStream() {
        String car = fx.vehicleInStock("180000.00", true);
        fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + car + "/demo-pool");
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        String first = book(car, OffsetDateTime.of(LocalDate.parse(tomorrow), LocalTime.of(9, 0), SHANGHAI.getRules()
                .getOffset(java.time.Instant.now())).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        String second = book(car, OffsetDateTime.of(LocalDate.parse(tomorrow), LocalTime.of(9, 30), SHANGHAI.getRules()
                .getOffset(java.time.Instant.now())).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        fx.as(CONSULTANT).post("/api/v1/test-drives/" + first + "/feedback", "{\"rating\":4,\"intendsToBuy\":true}");
        fx.as(CONSULTANT).post("/api/v1/test-drives/" + second + "/cancel");

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent booked = expect(probe, "test-drive-booked", first);
            aboutTheCustomer(booked, "13900000012");
            assertThat(booked.data().has("licence")).as("the licence stays in sales-service").isFalse();
            assertThat(expect(probe, "test-drive-completed", first).data().get("rating").asInt()).isEqualTo(4);
            aboutTheCustomer(expect(probe, "test-drive-cancelled", second), "13900000012");
            EventProbe.ReceivedEvent pool = expect(probe, "vehicle-pool-changed", car);
            assertThat(pool.data().get("to").asString()).isEqualTo("DEMO");
        }
    }

    String book(String car, String slot) {
        Api.Response booked = fx.as(CONSULTANT).post("/api/v1/test-drives", """
                {"carVin":"%s","slotStart":"%s","customer":{"name":"孙丽","phone":"13900000012"},
                 "licence":{"number":"310101199001010021","expiresOn":"2035-01-01"}}""".formatted(car, slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.at("/id");
    }

    @Test
    void aSalesOrdersMoneyAndTheVehiclesMovesAreOnTheStream() {
        String vin = fx.vehicleInStock("100000.00", true);
        Api.Response draft = fx.draftOrder(CONSULTANT, vin, "3500.00");
        String id = draft.at("/id");
        fx.as(MANAGER).post("/api/v1/sales-orders/" + id + "/discount-approval");
        fx.pay(id, "DEPOSIT", "5000.00");
        fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/confirm");
        Api.Response settled = fx.pay(id, "BALANCE", fx.order(id).at("/balanceDue/amount"));
        assertThat(settled.at("/status")).isEqualTo("PAID");

        String other = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        fx.pay(other, "DEPOSIT", "2000.00");
        fx.as(CONSULTANT).post("/api/v1/sales-orders/" + other + "/cancel", "{\"reason\":\"changed mind\"}");

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent drafted = expect(probe, "sales-order-drafted", id);
            aboutTheCustomer(drafted, "13800000001");
            assertThat(drafted.data().get("discountApproval").asString()).isEqualTo("PENDING");
            aboutTheCustomer(expect(probe, "discount-approved", id), "13800000001");
            EventProbe.ReceivedEvent deposit = expect(probe, "payment-recorded", id);
            aboutTheCustomer(deposit, "13800000001");
            assertThat(deposit.data().get("kind").asString()).isEqualTo("DEPOSIT");
            assertThat(probe.about(id)).filteredOn(e -> e.type().equals("forecourt.sales.payment-recorded.v1")).hasSize(2)
                    .allSatisfy(EventSchemas::assertValid);
            aboutTheCustomer(expect(probe, "sales-order-paid", id), "13800000001");
            EventProbe.ReceivedEvent cancelled = expect(probe, "sales-order-cancelled", other);
            aboutTheCustomer(cancelled, "13800000001");
            assertThat(cancelled.data().get("refundDue").get("amount").asDouble()).isEqualTo(2000.0);

            var moves = probe.about(vin).stream().filter(e -> e.type().equals("forecourt.sales.vehicle-status-changed.v1")).toList();
            moves.forEach(EventSchemas::assertValid);
            assertThat(moves).extracting(e -> e.data().get("to").asString()).containsExactly("RESERVED", "SOLD");
            assertThat(probe.await(e -> e.type().equals("forecourt.sales.vehicle-status-changed.v1")
                    && e.data().get("salesOrderId").asString().equals(other) && e.data().get("to").asString().equals("IN_STOCK"),
                    "the cancelled order's vehicle back in stock")).isNotNull();
        }
    }

    @Test
    void usedCarsAppraisedBoughtTradedInAndResoldAreOnTheStream() {
        String bought = appraise("50000.00");
        fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars/" + bought + "/purchase", "{\"price\":{\"amount\":48000,\"currency\":\"CNY\"}}");
        fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars/" + bought + "/resale",
                "{\"price\":{\"amount\":56000,\"currency\":\"CNY\"},\"buyer\":{\"name\":\"陈静\",\"phone\":\"13800000005\"}}");
        String traded = appraise("20000.00");
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        assertThat(fx.as(USED_CAR_SPECIALIST).post("/api/v1/trade-ins",
                "{\"usedCarId\":\"" + traded + "\",\"salesOrderId\":\"" + order + "\"}").status()).isEqualTo(201);
        String refused = appraise("500000.00");
        String smallOrder = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        assertThat(fx.as(USED_CAR_SPECIALIST).post("/api/v1/trade-ins",
                "{\"usedCarId\":\"" + refused + "\",\"salesOrderId\":\"" + smallOrder + "\"}").status()).isEqualTo(422);
        String vin = SalesFixtures.newVin();
        fx.as(STOCK_ADMIN).post("/api/v1/vehicles", """
                {"vin":"%s","model":"Passat","trim":"380TSI","colour":"Black","listPrice":{"amount":249900,"currency":"CNY"},
                 "keys":2,"inTransit":true}""".formatted(vin));

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            aboutTheCustomer(expect(probe, "used-car-appraised", bought), "13800000004");
            aboutTheCustomer(expect(probe, "used-car-purchased", bought), "13800000004");
            EventProbe.ReceivedEvent resold = expect(probe, "used-car-resold", bought);
            aboutTheCustomer(resold, "13800000005");
            aboutTheCustomer(expect(probe, "used-car-traded-in", traded), "13800000004");
            aboutTheCustomer(expect(probe, "trade-in-credited", order), "13800000001");
            expect(probe, "used-car-trade-in-reversed", refused);
            expect(probe, "vehicle-in-transit", vin);
        }
    }

    String appraise(String value) {
        return fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars", """
                {"vin":"%s","brand":"Volkswagen","model":"Bora","firstRegistration":"2019-05-01","odometerKm":86000,
                 "seller":{"name":"刘洋","phone":"13800000004"},"appraisedValue":{"amount":%s,"currency":"CNY"},
                 "condition":"GOOD"}""".formatted(SalesFixtures.newVin(), value)).at("/id");
    }
}
