package dev.forecourt.sales.delivery;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
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
import dev.forecourt.sales.SalesFixtures;

/**
 * A delivery appointment is open only while its sales order is: cancelling the order cancels it,
 * delivering the order keeps it, an ended order takes no new one, and an order that ends while an
 * appointment is being scheduled is left with no SCHEDULED appointment.
 */
@ForecourtServiceTest
class AppointmentEndsWithItsOrderApiTest {

    static final String SUPERVISOR = DeliveryAppointmentApiTest.SUPERVISOR;
    static final String NOT_DELIVERABLE = "https://forecourt.dev/problems/order-not-deliverable";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    static String body(String order, int daysAhead) {
        String when = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(daysAhead).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "{\"salesOrderId\":\"" + order + "\",\"scheduledAt\":\"" + when + "\"}";
    }

    Api.Response schedule(String order) {
        return fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body(order, 2));
    }

    Api.Response cancelOrder(String order, String reason) {
        return fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/cancel", "{\"reason\":\"" + reason + "\"}");
    }

    Api.Response deliver(String order) {
        return fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/delivery", "{\"odometerKm\":6}");
    }

    String paidOrder() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        Api.Response paid = fx.pay(order, "BALANCE", fx.order(order).at("/balanceDue/amount"));
        assertThat(paid.at("/status")).as(paid.toString()).isEqualTo("PAID");
        return order;
    }

    List<DeliveryAppointment> appointmentsOf(String order) {
        return mongo.find(Query.query(Criteria.where("salesOrderId").is(order)), DeliveryAppointment.class);
    }

    static void assertRefusedAsNotDeliverable(Api.Response refused, String currentState) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.at("/type")).isEqualTo(NOT_DELIVERABLE);
        assertThat(refused.at("/currentState")).isEqualTo(currentState);
    }

    @Test
    void cancellingTheOrderCancelsItsScheduledAppointmentAndPublishesItWithTheOrdersReason() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        Api.Response scheduled = schedule(order);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.at("/id");

        Api.Response cancelled = cancelOrder(order, "financing refused");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");

        Api.Response appointment = fx.as(SUPERVISOR).get("/api/v1/delivery-appointments/" + id);
        assertThat(appointment.at("/status")).isEqualTo("CANCELLED");
        assertThat(appointment.at("/cancelReason")).isEqualTo("sales order cancelled: financing refused");
        assertThat(appointment.at("/cancelCause")).isEqualTo("SALES_ORDER_CANCELLED");
        assertThat(appointment.at("/closedAt")).isNotBlank();
        assertThat(fx.as(SUPERVISOR).get("/api/v1/delivery-appointments?status=SCHEDULED&size=200").json().get("items")
                .findValuesAsString("id")).doesNotContain(id);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent orderCancelled = probe.await("forecourt.sales.sales-order-cancelled.v1", order);
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.delivery-appointment-cancelled.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("salesOrderId").asString()).isEqualTo(order);
            assertThat(event.data().get("reason").asString()).isEqualTo("sales order cancelled: financing refused");
            assertThat(event.data().get("cause").asString()).isEqualTo("SALES_ORDER_CANCELLED");
            assertThat(event.data().get("cancelledBy").asString()).isEqualTo(orderCancelled.data().get("cancelledBy").asString());
        }

        assertRefusedAsNotDeliverable(schedule(order), "CANCELLED");
        assertThat(appointmentsOf(order)).as("nothing stored for the cancelled order").hasSize(1);
        // cancelling again (which repairs a crash between the two writes) leaves the closed appointment as it is
        assertThat(cancelOrder(order, "financing refused").status()).isEqualTo(200);
        assertThat(fx.as(SUPERVISOR).get("/api/v1/delivery-appointments/" + id).at("/version")).isEqualTo(appointment.at("/version"));
    }

    @Test
    void anOrderWithoutAnAppointmentIsCancelledAsBefore() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        assertThat(cancelOrder(order, "changed his mind").at("/status")).isEqualTo("CANCELLED");
        assertThat(appointmentsOf(order)).isEmpty();
        assertThat(fx.vehicle(fx.order(order).at("/vehicle/vin")).at("/status")).isEqualTo("IN_STOCK");
    }

    @Test
    void theDeliveryKeepsTheAppointmentWhateverTimeItWasForAndTheDeliveredOrderTakesNoNewOne() {
        String order = paidOrder();
        String id = fx.as(SUPERVISOR).post("/api/v1/delivery-appointments", body(order, 5)).at("/id");

        Api.Response delivered = deliver(order);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.at("/delivery/deliveryAppointmentId")).isEqualTo(id);
        Api.Response kept = fx.as(SUPERVISOR).get("/api/v1/delivery-appointments/" + id);
        assertThat(kept.at("/status")).as("the customer came early: the appointment is still the one kept").isEqualTo("COMPLETED");
        assertThat(kept.at("/closedAt")).isEqualTo(delivered.at("/delivery/deliveredAt"));
        assertThat(kept.json().get("cancelCause").isNull()).isTrue();

        assertRefusedAsNotDeliverable(schedule(order), "DELIVERED");
        assertThat(appointmentsOf(order)).hasSize(1);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            assertThat(probe.await("forecourt.sales.vehicle-delivered.v1", order).data().get("deliveryAppointmentId").asString()).isEqualTo(id);
        }
    }

    /**
     * An appointment scheduled at the moment its order is cancelled: the schedule read the order still
     * confirmed, the cancellation looked for an appointment before it was stored. Eight orders, each
     * cancelled while three appointments are asked for it, in five rounds (without the schedule's second
     * read, about one round in two left a SCHEDULED appointment).
     */
    @RepeatedTest(5)
    void anOrderCancelledWhileItsAppointmentIsScheduledIsLeftWithNoScheduledAppointment() throws Exception {
        List<String> orders = new ArrayList<>();
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
            orders.add(order);
            calls.add(() -> cancelOrder(order, "customer withdrew"));
            for (int s = 0; s < 3; s++) {
                calls.add(() -> schedule(order));
            }
        }

        List<Api.Response> answers = SalesFixtures.atOnce(calls);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            for (int i = 0; i < orders.size(); i++) {
                String order = orders.get(i);
                List<Api.Response> mine = answers.subList(4 * i, 4 * i + 4);
                assertThat(mine.get(0).status()).as(mine.get(0).toString()).isEqualTo(200);
                assertThat(fx.order(order).at("/status")).isEqualTo("CANCELLED");
                List<Api.Response> schedules = mine.subList(1, 4);
                assertThat(schedules).filteredOn(r -> r.status() == 201).hasSizeLessThanOrEqualTo(1);
                assertThat(schedules).filteredOn(r -> r.status() != 201).allSatisfy(refused -> {
                    assertThat(refused.isProblem()).as(refused.toString()).isTrue();
                    if (refused.status() == 422) {
                        assertRefusedAsNotDeliverable(refused, "CANCELLED");
                    } else {
                        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                        assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/delivery-already-scheduled");
                    }
                });
                List<DeliveryAppointment> stored = appointmentsOf(order);
                assertThat(stored).as("order " + order + ": " + mine).allSatisfy(a -> {
                    assertThat(a.getStatus()).isEqualTo(DeliveryAppointmentStatus.CANCELLED);
                    assertThat(a.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_CANCELLED);
                    assertThat(a.getCancelReason()).isEqualTo("sales order cancelled: customer withdrew");
                });
                for (DeliveryAppointment a : stored) {
                    EventSchemas.assertValid(probe.await("forecourt.sales.delivery-appointment-cancelled.v1", a.getId()));
                }
                // an appointment refused after it was stored is named in the refusal
                schedules.stream().filter(r -> r.status() == 422 && r.json().has("appointmentId"))
                        .forEach(r -> assertThat(stored).extracting(DeliveryAppointment::getId).contains(r.at("/appointmentId")));
            }
        }
    }

    /**
     * The same with the hand-over: an appointment stored after the delivery looked for one is not named
     * by it, and is cancelled (cause SALES_ORDER_DELIVERED); one the delivery named is kept.
     */
    @RepeatedTest(5)
    void anOrderDeliveredWhileItsAppointmentIsScheduledIsLeftWithNoScheduledAppointment() throws Exception {
        List<String> orders = new ArrayList<>();
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String order = paidOrder();
            orders.add(order);
            calls.add(() -> deliver(order));
            for (int s = 0; s < 3; s++) {
                calls.add(() -> schedule(order));
            }
        }

        List<Api.Response> answers = SalesFixtures.atOnce(calls);

        for (int i = 0; i < orders.size(); i++) {
            String order = orders.get(i);
            List<Api.Response> mine = answers.subList(4 * i, 4 * i + 4);
            assertThat(mine.get(0).status()).as(mine.get(0).toString()).isEqualTo(200);
            String named = mine.get(0).at("/delivery/deliveryAppointmentId");
            mine.subList(1, 4).stream().filter(r -> r.status() != 201).forEach(refused -> {
                assertThat(refused.isProblem()).as(refused.toString()).isTrue();
                assertThat(refused.status()).isIn(409, 422);
                if (refused.status() == 422) {
                    assertRefusedAsNotDeliverable(refused, "DELIVERED");
                }
            });
            assertThat(appointmentsOf(order)).as("order " + order + ": " + mine).allSatisfy(a -> {
                if (a.getId().equals(named)) {
                    assertThat(a.getStatus()).isEqualTo(DeliveryAppointmentStatus.COMPLETED);
                } else {
                    assertThat(a.getStatus()).isEqualTo(DeliveryAppointmentStatus.CANCELLED);
                    assertThat(a.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_DELIVERED);
                }
            });
        }
    }
}
