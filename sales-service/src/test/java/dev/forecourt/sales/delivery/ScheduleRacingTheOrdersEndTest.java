package dev.forecourt.sales.delivery;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;
import dev.forecourt.sales.orders.SalesOrders;

/**
 * The two interleavings of scheduling an appointment with its order's end, made to happen: the
 * scheduling is done by a calendar whose reads of the order let the other request (over HTTP, to the
 * running service) cancel or deliver the order in between. The concurrent requests of
 * {@link AppointmentEndsWithItsOrderApiTest} meet them only by chance.
 */
@ForecourtServiceTest
class ScheduleRacingTheOrdersEndTest {

    static final Actor SUPERVISOR = new Actor("emp-showroom", "showroom", "Showroom", "showroom-supervisor");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    SalesOrders realOrders;
    @Autowired
    Clock clock;
    @Autowired
    ForecourtProperties properties;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    /** Where the other request comes in: after the first read of the order (before the appointment is stored) or after the insert. */
    enum Moment { BEFORE_THE_INSERT, AFTER_THE_INSERT }

    /** A calendar whose schedule lets {@code meanwhile} happen at the given moment for the given order. */
    DeliveryAppointments calendarWhere(String order, Moment moment, Runnable meanwhile) {
        SalesOrders orders = spy(realOrders);
        AtomicInteger reads = new AtomicInteger();
        doAnswer(read -> {
            boolean ofThisOrder = order.equals(read.getArgument(0));
            int n = ofThisOrder ? reads.incrementAndGet() : 0;
            if (n == 2 && moment == Moment.AFTER_THE_INSERT) {
                meanwhile.run();
            }
            Object answer = read.callRealMethod();
            if (n == 1 && moment == Moment.BEFORE_THE_INSERT) {
                meanwhile.run();
            }
            return answer;
        }).when(orders).get(anyString());
        return new DeliveryAppointments(mongo, store, orders, clock, properties);
    }

    void cancel(String order) {
        Api.Response cancelled = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/cancel", "{\"reason\":\"customer withdrew\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    void deliver(String order) {
        Api.Response delivered = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + order + "/delivery", "{\"odometerKm\":6}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    }

    String paidOrder() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        fx.pay(order, "BALANCE", fx.order(order).at("/balanceDue/amount"));
        return order;
    }

    Instant dayAfterTomorrow() {
        return clock.instant().plus(Duration.ofDays(2));
    }

    DeliveryAppointment onlyAppointmentOf(String order) {
        List<DeliveryAppointment> stored = mongo.find(Query.query(Criteria.where("salesOrderId").is(order)), DeliveryAppointment.class);
        assertThat(stored).hasSize(1);
        return stored.get(0);
    }

    static void assertRefusedNaming(Throwable refused, String currentState, DeliveryAppointment appointment) {
        assertThat(refused).isInstanceOfSatisfying(RuleViolated.class, e -> {
            assertThat(e.type()).isEqualTo("order-not-deliverable");
            assertThat(e.properties()).containsEntry("currentState", currentState).containsEntry("appointmentId", appointment.getId());
        });
    }

    @Test
    void anOrderCancelledAfterTheScheduleReadItButBeforeTheAppointmentWasStoredCancelsItThroughTheSchedulesSecondRead() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        DeliveryAppointments calendar = calendarWhere(order, Moment.BEFORE_THE_INSERT, () -> cancel(order));

        Throwable refused = catchThrowable(() -> calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR));

        DeliveryAppointment appointment = onlyAppointmentOf(order);
        assertThat(appointment.getStatus()).as("the cancellation found no appointment: the schedule closed its own")
                .isEqualTo(DeliveryAppointmentStatus.CANCELLED);
        assertThat(appointment.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_CANCELLED);
        assertThat(appointment.getCancelReason()).isEqualTo("sales order cancelled: customer withdrew");
        assertRefusedNaming(refused, "CANCELLED", appointment);
    }

    @Test
    void anOrderCancelledAfterTheAppointmentWasStoredCancelsItThroughTheCancellation() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        DeliveryAppointments calendar = calendarWhere(order, Moment.AFTER_THE_INSERT, () -> cancel(order));

        Throwable refused = catchThrowable(() -> calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR));

        DeliveryAppointment appointment = onlyAppointmentOf(order);
        assertThat(appointment.getStatus()).isEqualTo(DeliveryAppointmentStatus.CANCELLED);
        assertThat(appointment.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_CANCELLED);
        assertRefusedNaming(refused, "CANCELLED", appointment);
    }

    @Test
    void anOrderDeliveredBeforeTheAppointmentWasStoredDoesNotNameItAndItIsCancelled() {
        String order = paidOrder();
        DeliveryAppointments calendar = calendarWhere(order, Moment.BEFORE_THE_INSERT, () -> deliver(order));

        Throwable refused = catchThrowable(() -> calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR));

        DeliveryAppointment appointment = onlyAppointmentOf(order);
        assertThat(appointment.getStatus()).isEqualTo(DeliveryAppointmentStatus.CANCELLED);
        assertThat(appointment.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_DELIVERED);
        assertThat(fx.order(order).json().get("delivery").get("deliveryAppointmentId").isNull()).isTrue();
        assertRefusedNaming(refused, "DELIVERED", appointment);
    }

    @Test
    void anOrderDeliveredAfterTheAppointmentWasStoredNamesItAndKeepsIt() {
        String order = paidOrder();
        DeliveryAppointments calendar = calendarWhere(order, Moment.AFTER_THE_INSERT, () -> deliver(order));

        DeliveryAppointment answered = calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR);

        assertThat(answered.getStatus()).as("the hand-over found it and kept it").isEqualTo(DeliveryAppointmentStatus.COMPLETED);
        assertThat(onlyAppointmentOf(order).getStatus()).isEqualTo(DeliveryAppointmentStatus.COMPLETED);
        assertThat(fx.order(order).at("/delivery/deliveryAppointmentId")).isEqualTo(answered.getId());
    }

    @Test
    void withoutTheOrdersEndTheCalendarSchedulesAsAlways() {
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        DeliveryAppointments calendar = calendarWhere(order, Moment.BEFORE_THE_INSERT, () -> { });
        assertThat(calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR).getStatus()).isEqualTo(DeliveryAppointmentStatus.SCHEDULED);
        assertThatThrownBy(() -> calendar.schedule(order, dayAfterTomorrow(), null, SUPERVISOR))
                .hasMessageContaining("already has delivery appointment");
    }
}
