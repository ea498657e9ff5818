package dev.forecourt.sales.delivery;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;

@ForecourtServiceTest
class DeliveryAppointmentApiTest {

    static final String SUPERVISOR = TestTokens.staff("showroom", "showroom-supervisor", "sales-orders:read", "delivery-appointments:write");

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    @Test
    void theSupervisorSchedulesTheDeliveryAndTheHandOverWithTheChecklistKeepsIt() {
        String vin = fx.vehicleInStock("100000.00", true);
        String order = fx.confirmedOrder(vin);
        String when = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String body = "{\"salesOrderId\":\"" + order + "\",\"scheduledAt\":\"" + when + "\",\"note\":\"bring the family\"}";
        assertThat(fx.as(CONSULTANT).post("/api/v1/delivery-appointments", body).status()).isEqualTo(403);
        Api.Response scheduled = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.at("/status")).isEqualTo("SCHEDULED");
        String id = scheduled.at("/id");
        assertThat(scheduled.header("Location")).isEqualTo("/api/v1/delivery-appointments/" + id);
        Api.Response again = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/type")).isEqualTo("https://forecourt.dev/problems/delivery-already-scheduled");
        String later = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Api.Response moved = fx.as(SUPERVISOR).header("If-Match", scheduled.header("ETag"))
                .post("/api/v1/delivery-appointments/" + id + "/reschedule", "{\"scheduledAt\":\"" + later + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        fx.pay(order, "BALANCE", fx.order(order).at("/balanceDue/amount"));
        Api.Response incomplete = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/delivery", """
                {"odometerKm":6,"checklist":{"keysHandedOver":1,"documents":["certificate of conformity"],"tools":["jack"],
                 "accessories":[],"featuresExplained":["ACC"]}}""");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.at("/type")).isEqualTo("https://forecourt.dev/problems/delivery-checklist-incomplete");
        assertThat(incomplete.json().get("missing").toString()).contains("keys: 1 of 2", "owner's manual", "first-aid kit");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("SOLD");

        Api.Response delivered = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/delivery", """
                {"odometerKm":6,"checklist":{"keysHandedOver":2,"documents":["certificate of conformity","owner's manual"],
                 "tools":["jack"],"accessories":["first-aid kit"],"featuresExplained":["ACC","infotainment pairing"]}}""");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.at("/delivery/checklist/keysHandedOver")).isEqualTo("2");
        assertThat(delivered.at("/delivery/deliveryAppointmentId")).isEqualTo(id);
        assertThat(fx.as(SUPERVISOR).get("/api/v1/delivery-appointments/" + id).at("/status")).isEqualTo("COMPLETED");

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent booked = probe.await("forecourt.sales.delivery-appointment-scheduled.v1", id);
            EventSchemas.assertValid(booked);
            assertThat(booked.data().get("customerId").asString()).isEqualTo("cust-13800000001");
            EventSchemas.assertValid(probe.await("forecourt.sales.delivery-appointment-rescheduled.v1", id));
            EventProbe.ReceivedEvent handedOver = probe.await("forecourt.sales.vehicle-delivered.v1", order);
            EventSchemas.assertValid(handedOver);
            assertThat(handedOver.data().get("deliveryAppointmentId").asString()).isEqualTo(id);
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void ofEightAppointmentsForOneOrderScheduledAtOnceOneIsStoredAndACancelledOneLetsTheOrderBeScheduledAgain() throws Exception {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        String when = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String body = "{\"salesOrderId\":\"" + order + "\",\"scheduledAt\":\"" + when + "\"}";
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            List<Api.Response> answers = SalesFixtures.atOnce(8, () -> fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body));

            assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(7).allSatisfy(refused -> {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/delivery-already-scheduled");
            });
            String stored = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().at("/id");
            assertThat(mongo.count(Query.query(Criteria.where("salesOrderId").is(order)), DeliveryAppointment.class)).isEqualTo(1);
            EventSchemas.assertValid(probe.await("forecourt.sales.delivery-appointment-scheduled.v1", stored));
            assertThat(SalesFixtures.allWithin(probe, Duration.ofSeconds(2), e -> e.type().equals("forecourt.sales.delivery-appointment-scheduled.v1")
                    && order.equals(e.data().get("salesOrderId").asString()))).as("one event").hasSize(1);

            assertThat(fx.as(SUPERVISOR).post("/api/v1/delivery-appointments/" + stored + "/cancel", "{\"reason\":\"customer abroad\"}")
                    .at("/status")).isEqualTo("CANCELLED");
            Api.Response again = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body);
            assertThat(again.status()).as("the cancelled appointment gave the order up: " + again).isEqualTo(201);
            assertThat(fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body).at("/type"))
                    .isEqualTo("https://forecourt.dev/problems/delivery-already-scheduled");
        }
    }

    @Test
    void onlyAConfirmedOrPaidOrderIsScheduledAndACancelledAppointmentIsPublished() {
        String draft = fx.draftOrder(CONSULTANT, fx.vehicleInStock("100000.00", true), "0").at("/id");
        String when = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Api.Response refused = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments",
                "{\"salesOrderId\":\"" + draft + "\",\"scheduledAt\":\"" + when + "\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/order-not-deliverable");

        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        String id = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments",
                "{\"salesOrderId\":\"" + order + "\",\"scheduledAt\":\"" + when + "\"}").at("/id");
        Api.Response cancelled = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments/" + id + "/cancel", "{\"reason\":\"car not ready\"}");
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(fx.as(SUPERVISOR).get("/api/v1/delivery-appointments?status=CANCELLED&size=200").json().get("items")
                .findValuesAsString("id")).contains(id);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.delivery-appointment-cancelled.v1", id));
        }
    }
}
