package dev.forecourt.sales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.OrderRecords.OrderedVehicle;
import dev.forecourt.sales.orders.SalesOrderEvents.AccessorySold;
import dev.forecourt.sales.orders.SalesOrderEvents.InsurancePolicyRecorded;

class InsuranceAndAccessoriesTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final LocalDate START = LocalDate.of(2026, 12, 5);

    static SalesOrder draft() {
        return SalesOrder.draft("so-9", null, new Customer("张伟", "13800000001"),
                new OrderedVehicle("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "1.5L", "White", Money.cny("100000.00")),
                Money.cny("0.00"), null, List.of(), DiscountRuleTest.THREE_PERCENT, DiscountRuleTest.CONSULTANT, false, NOW);
    }

    @Test
    void anInsurancePolicyIsRecordedOnAStandingContractAndMustExpireAfterItStarts() {
        SalesOrder order = draft();
        assertThatThrownBy(() -> order.recordInsurancePolicy("PICC", "P-1", Money.cny("4200.00"), START, START.plusYears(1), NOW,
                DiscountRuleTest.CONSULTANT)).isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("DRAFT"));
        order.confirm(NOW);
        assertThatThrownBy(() -> order.recordInsurancePolicy("PICC", "P-1", Money.cny("4200.00"), START, START, NOW,
                DiscountRuleTest.CONSULTANT)).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("policy-period"));
        order.recordInsurancePolicy("PICC", "P-1", Money.cny("4200.00"), START, START.plusYears(1).minusDays(1), NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.getInsurancePolicy().insurer()).isEqualTo("PICC");
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(InsurancePolicyRecorded.class, e -> {
            assertThat(e.customerId()).isEqualTo("cust-13800000001");
            assertThat(e.customerPhone()).isEqualTo("13800000001");
            assertThat(e.expiresOn()).isEqualTo(LocalDate.of(2027, 12, 4));
        });
    }

    @Test
    void accessoriesAddToTheTotalUntilTheOrderIsPaid() {
        SalesOrder order = draft();
        order.addAccessory("a1", "000061122", "floor mats", 2, Money.cny("400.00"), Money.cny("150.00"), NOW, DiscountRuleTest.CONSULTANT);
        assertThat(order.accessoriesTotal()).isEqualTo(Money.cny("800.00"));
        assertThat(order.totalPrice()).isEqualTo(Money.cny("100800.00"));
        assertThat(order.newEvents()).last().isInstanceOfSatisfying(AccessorySold.class,
                e -> assertThat(e.total()).isEqualTo(Money.cny("800.00")));
        order.confirm(NOW);
        order.recordPayment("p", OrderRecords.PaymentKind.BALANCE, OrderRecords.PaymentMethod.CARD, Money.cny("100800.00"), NOW,
                DiscountRuleTest.CONSULTANT);
        assertThatThrownBy(() -> order.addAccessory("a2", null, "dash cam", 1, Money.cny("900.00"), Money.cny("500.00"), NOW,
                DiscountRuleTest.CONSULTANT)).isInstanceOf(IllegalTransition.class);
    }
}
