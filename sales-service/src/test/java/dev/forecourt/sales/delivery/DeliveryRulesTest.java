package dev.forecourt.sales.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.OrderRecords;
import dev.forecourt.sales.orders.OrderRecords.DeliveryChecklist;
import dev.forecourt.sales.orders.OrderRecords.ReceivedWith;
import dev.forecourt.sales.orders.DiscountPolicy;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderEvents.VehicleDelivered;
import dev.forecourt.sales.orders.SalesOrderStatus;

class DeliveryRulesTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Actor SUPERVISOR = new Actor("emp-showroom", "showroom", "Showroom", "showroom-supervisor");
    static final Customer ZHANG = new Customer("张伟", "13800000001");
    static final ReceivedWith RECEIVED = new ReceivedWith(2, List.of("certificate of conformity", "owner's manual"), List.of("first-aid kit"));

    static SalesOrder paidOrder() {
        SalesOrder order = SalesOrder.draft("so-1", null, ZHANG,
                new OrderRecords.OrderedVehicle("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "1.5L", "White", Money.cny("100000.00")),
                Money.cny("0.00"), null, List.of(), new DiscountPolicy(new java.math.BigDecimal("3")), SUPERVISOR, false, NOW);
        order.confirm(NOW);
        order.recordPayment("p", OrderRecords.PaymentKind.BALANCE, OrderRecords.PaymentMethod.CARD, Money.cny("100000.00"), NOW, SUPERVISOR);
        return order;
    }

    @Test
    void aVehicleIsHandedOverOnlyWithEveryKeyDocumentAndAccessoryItCameWith() {
        SalesOrder order = paidOrder();
        DeliveryChecklist oneKey = new DeliveryChecklist(1, List.of("certificate of conformity"), List.of("jack"), List.of(), List.of("ACC"));
        assertThatThrownBy(() -> order.deliver(LocalDate.of(2026, 12, 5), 5, oneKey, RECEIVED, null, NOW, SUPERVISOR))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("delivery-checklist-incomplete");
                    assertThat(e.getMessage()).contains("keys: 1 of 2", "owner's manual", "first-aid kit");
                });
        assertThat(order.getStatus()).isEqualTo(SalesOrderStatus.PAID);

        DeliveryChecklist complete = new DeliveryChecklist(2, List.of("certificate of conformity", "owner's manual"), List.of("jack"),
                List.of("first-aid kit"), List.of("ACC", "infotainment pairing"));
        order.deliver(LocalDate.of(2026, 12, 5), 5, complete, RECEIVED, "da-1", NOW, SUPERVISOR);
        assertThat(order.getDelivery().checklist()).isEqualTo(complete);
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(VehicleDelivered.class, e -> {
            assertThat(e.checklist().keysHandedOver()).isEqualTo(2);
            assertThat(e.deliveryAppointmentId()).isEqualTo("da-1");
        });
    }

    @Test
    void aDeliveryAppointmentIsForATimeToComeAndEndsKeptOrCancelled() {
        assertThatThrownBy(() -> DeliveryAppointment.schedule("da-1", "so-1", "LSVAB4BM7RN000001", "Lavida", ZHANG, "emp-sales", "Sales",
                NOW.minusSeconds(1), null, NOW, SUPERVISOR))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("appointment-in-the-past"));
        DeliveryAppointment appointment = DeliveryAppointment.schedule("da-1", "so-1", "LSVAB4BM7RN000001", "Lavida", ZHANG, "emp-sales",
                "Sales", NOW.plus(Duration.ofDays(1)), "bring the family", NOW, SUPERVISOR);
        appointment.reschedule(NOW.plus(Duration.ofDays(2)), NOW, SUPERVISOR);
        assertThat(appointment.getScheduledAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        appointment.complete(NOW.plus(Duration.ofDays(2)));
        assertThat(appointment.getStatus()).isEqualTo(DeliveryAppointmentStatus.COMPLETED);
        assertThatThrownBy(() -> appointment.cancel("changed", NOW, SUPERVISOR))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("COMPLETED"));
        assertThat(appointment.newEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DeliveryAppointmentScheduled", "DeliveryAppointmentRescheduled");
    }

    @Test
    void aCancelledAppointmentSaysWhyByHandOrWithItsOrder() {
        DeliveryAppointment byHand = DeliveryAppointment.schedule("da-1", "so-1", "LSVAB4BM7RN000001", "Lavida", ZHANG, "emp-sales", "Sales",
                NOW.plus(Duration.ofDays(1)), null, NOW, SUPERVISOR);
        byHand.cancel("customer abroad", NOW, SUPERVISOR);
        assertThat(byHand.getCancelCause()).isEqualTo(CancellationCause.BY_HAND);
        assertThat(byHand.isScheduled()).isFalse();

        DeliveryAppointment withTheOrder = DeliveryAppointment.schedule("da-2", "so-2", "LSVAB4BM7RN000001", "Lavida", ZHANG, "emp-sales",
                "Sales", NOW.plus(Duration.ofDays(1)), null, NOW, SUPERVISOR);
        withTheOrder.cancel("sales order cancelled: financing refused", CancellationCause.SALES_ORDER_CANCELLED, NOW, SUPERVISOR);
        assertThat(withTheOrder.newEvents()).last().isInstanceOfSatisfying(DeliveryAppointmentEvents.DeliveryAppointmentCancelled.class, e -> {
            assertThat(e.cause()).isEqualTo(CancellationCause.SALES_ORDER_CANCELLED);
            assertThat(e.reason()).isEqualTo("sales order cancelled: financing refused");
        });
        assertThatThrownBy(() -> withTheOrder.cancel("again", CancellationCause.SALES_ORDER_CANCELLED, NOW, SUPERVISOR))
                .isInstanceOf(IllegalTransition.class);
    }
}
