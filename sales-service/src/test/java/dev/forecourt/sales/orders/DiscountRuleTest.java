package dev.forecourt.sales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.OrderRecords.DiscountApproval;
import dev.forecourt.sales.orders.OrderRecords.OrderedVehicle;

class DiscountRuleTest {

    static final DiscountPolicy THREE_PERCENT = new DiscountPolicy(new BigDecimal("3"));
    static final Money LIST = Money.cny("100000.00");
    static final Actor CONSULTANT = new Actor("emp-sales", "sales", "Sales", "sales-consultant");
    static final Actor MANAGER = new Actor("emp-mgr", "salesmanager", "Manager", "sales-manager");

    static SalesOrder draft(String discount, Actor by) {
        return SalesOrder.draft("so-1", null, new Customer("张伟", "13800000001"),
                new OrderedVehicle("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "1.5L", "White", LIST), Money.cny(discount), null,
                List.of(), THREE_PERCENT, by, by == MANAGER, Instant.parse("2026-11-23T02:00:00Z"));
    }

    @Test
    void exactlyThreePercentIsWithinTheConsultantsAuthority() {
        assertThat(THREE_PERCENT.needsApproval(LIST, Money.cny("3000.00"))).isFalse();
        assertThat(THREE_PERCENT.needsApproval(LIST, Money.cny("3000.01"))).isTrue();
        assertThat(draft("3000.00", CONSULTANT).getDiscountApproval()).isEqualTo(DiscountApproval.NOT_NEEDED);
    }

    @Test
    void theLimitIsConfigurable() {
        assertThat(new DiscountPolicy(new BigDecimal("5")).needsApproval(LIST, Money.cny("4000.00"))).isFalse();
    }

    @Test
    void aConsultantsDiscountAboveTheLimitWaitsForTheManagerAndBlocksConfirmation() {
        SalesOrder order = draft("5000.00", CONSULTANT);
        assertThat(order.getDiscountApproval()).isEqualTo(DiscountApproval.PENDING);
        assertThatThrownBy(() -> order.confirm(Instant.now()))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("discount-approval-required"));
        order.approveDiscount(MANAGER, Instant.now());
        order.confirm(Instant.now());
        assertThat(order.getStatus()).isEqualTo(SalesOrderStatus.CONFIRMED);
    }

    @Test
    void aManagersOwnDiscountAboveTheLimitIsApprovedAtOnce() {
        SalesOrder order = draft("8000.00", MANAGER);
        assertThat(order.getDiscountApproval()).isEqualTo(DiscountApproval.APPROVED);
        assertThat(order.getDiscountApprovedBy()).isEqualTo("emp-mgr");
    }

    @Test
    void aDiscountCannotReachTheListPrice() {
        assertThatThrownBy(() -> draft("100000.00", MANAGER))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("discount-out-of-range"));
    }
}
