package dev.forecourt.sales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.AddOnType;
import dev.forecourt.sales.orders.OrderRecords.PaymentKind;
import dev.forecourt.sales.orders.OrderRecords.PaymentMethod;
import dev.forecourt.sales.orders.SalesOrderEvents.SalesOrderCancelled;
import dev.forecourt.sales.orders.SalesOrderEvents.VehicleDelivered;

class SalesOrderPaymentTest {

    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    static SalesOrder confirmedWithInsurance() {
        SalesOrder order = SalesOrder.draft("so-1", null, new dev.forecourt.sales.customers.Customer("张伟", "13800000001"),
                new OrderRecords.OrderedVehicle("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "1.5L", "White", Money.cny("100000.00")),
                Money.cny("2000.00"), null, List.of(new AddOn(AddOnType.INSURANCE, "1 year", Money.cny("4000.00"))),
                DiscountRuleTest.THREE_PERCENT, DiscountRuleTest.CONSULTANT, false, NOW);
        order.confirm(NOW);
        return order;
    }

    @Test
    void thePriceIsListLessDiscountPlusAddOns() {
        SalesOrder order = confirmedWithInsurance();
        assertThat(order.totalPrice()).isEqualTo(Money.cny("102000.00"));
        order.recordPayment("p1", PaymentKind.DEPOSIT, PaymentMethod.CARD, Money.cny("10000.00"), NOW, DiscountRuleTest.CONSULTANT);
        order.creditTradeIn("uc-1", "LFV3A23C0R3000001", Money.cny("30000.00"), NOW);
        assertThat(order.balanceDue()).isEqualTo(Money.cny("62000.00"));
        assertThat(order.settledBy(Money.cny("62000.00"))).isTrue();
    }

    @Test
    void anOrderCannotBeDeliveredBeforeFullPayment() {
        SalesOrder order = confirmedWithInsurance();
        order.recordPayment("p1", PaymentKind.DEPOSIT, PaymentMethod.CARD, Money.cny("10000.00"), NOW, DiscountRuleTest.CONSULTANT);
        assertThatThrownBy(() -> order.deliver(LocalDate.of(2026, 11, 23), 10, NOW, DiscountRuleTest.CONSULTANT))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo("CONFIRMED");
                    assertThat(e.properties()).containsKey("balanceDue");
                });
        order.recordPayment("p2", PaymentKind.BALANCE, PaymentMethod.BANK_TRANSFER, Money.cny("92000.00"), NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.getStatus()).isEqualTo(SalesOrderStatus.PAID);
        order.deliver(LocalDate.of(2026, 11, 23), 10, NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(VehicleDelivered.class, e -> {
            assertThat(e.vin()).isEqualTo("LSVAB4BM7RN000001");
            assertThat(e.customerPhone()).isEqualTo("13800000001");
            assertThat(e.odometerKm()).isEqualTo(10);
        });
    }

    @Test
    void moreThanTheBalanceDueIsRefused() {
        SalesOrder order = confirmedWithInsurance();
        assertThatThrownBy(() -> order.recordPayment("p1", PaymentKind.BALANCE, PaymentMethod.CASH, Money.cny("102000.01"), NOW,
                DiscountRuleTest.CONSULTANT)).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("overpayment"));
        assertThat(order.getPayments()).isEmpty();
    }

    @Test
    void aDraftTakesADepositButCannotBeSettledBeforeConfirmation() {
        SalesOrder order = SalesOrder.draft("so-2", null, new dev.forecourt.sales.customers.Customer("李娜", "13800000002"),
                new OrderRecords.OrderedVehicle("LSVAB4BM9RN000002", "Volkswagen", "Lavida", "1.5L", "Silver", Money.cny("100000.00")),
                Money.cny("0.00"), null, List.of(), DiscountRuleTest.THREE_PERCENT, DiscountRuleTest.CONSULTANT, false, NOW);
        order.recordPayment("p1", PaymentKind.DEPOSIT, PaymentMethod.WECHAT_PAY, Money.cny("5000.00"), NOW, DiscountRuleTest.CONSULTANT);
        assertThatThrownBy(() -> order.recordPayment("p2", PaymentKind.BALANCE, PaymentMethod.CASH, Money.cny("95000.00"), NOW,
                DiscountRuleTest.CONSULTANT)).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("order-not-confirmed"));
    }

    @Test
    void cancellingMakesWhatWasPaidARefundDue() {
        SalesOrder order = confirmedWithInsurance();
        order.recordPayment("p1", PaymentKind.DEPOSIT, PaymentMethod.CARD, Money.cny("10000.00"), NOW, DiscountRuleTest.CONSULTANT);
        order.cancel("customer changed mind", NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(SalesOrderCancelled.class, e -> {
            assertThat(e.refundDue()).isEqualTo(Money.cny("10000.00"));
            assertThat(e.cancelledFrom()).isEqualTo(SalesOrderStatus.CONFIRMED);
        });
        assertThatThrownBy(() -> order.cancel("again", NOW, DiscountRuleTest.CONSULTANT)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aCancelledOrderOwesNothingMoreAndRefundsSettleWhatWasPaid() {
        SalesOrder order = confirmedWithInsurance();
        order.recordPayment("p1", PaymentKind.DEPOSIT, PaymentMethod.CARD, Money.cny("10000.00"), NOW, DiscountRuleTest.CONSULTANT);
        assertThatThrownBy(() -> order.recordRefund("r0", PaymentMethod.CARD, Money.cny("1.00"), null, NOW, DiscountRuleTest.MANAGER))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("CONFIRMED"));
        order.cancel("customer changed mind", NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.balanceDue()).isEqualTo(Money.cny("0.00"));
        assertThat(order.refundDue()).isEqualTo(Money.cny("10000.00"));

        order.recordRefund("r1", PaymentMethod.CARD, Money.cny("6000.00"), "card reversal", NOW, DiscountRuleTest.MANAGER);
        assertThatThrownBy(() -> order.recordRefund("r2", PaymentMethod.CASH, Money.cny("4000.01"), null, NOW, DiscountRuleTest.MANAGER))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("refund-exceeds-due"));
        order.recordRefund("r2", PaymentMethod.BANK_TRANSFER, Money.cny("4000.00"), null, NOW, DiscountRuleTest.MANAGER);
        assertThat(order.refundDue()).isEqualTo(Money.cny("0.00"));
        assertThat(order.refunded()).isEqualTo(Money.cny("10000.00"));
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(SalesOrderEvents.RefundRecorded.class,
                e -> assertThat(e.refundDue()).isEqualTo(Money.cny("0.00")));
    }
}
