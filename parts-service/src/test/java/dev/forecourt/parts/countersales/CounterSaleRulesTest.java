package dev.forecourt.parts.countersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.money.Money;

class CounterSaleRulesTest {

    private static final Actor CLERK = new Actor("emp-9", "counter", "Counter clerk", "parts-counter-clerk");

    private static CounterSale twoFilters() {
        Money price = Money.cny("150.00");
        return CounterSale.open("cs-1", "CS2026000001", "store-001", "cust-13800000003", "Li Lei", "13800000003",
                List.of(new CounterSaleLine("L1", "1K0819653B", "Cabin filter", 2, price, CounterSale.lineTotal(price, 2), null)),
                CLERK, Instant.EPOCH);
    }

    private static Payment pay(String amount) {
        return new Payment("CASH", Money.cny(amount), null, "counter", Instant.EPOCH);
    }

    @Test
    void aSaleIsPaidWhenThePaymentsReachItsTotalAndNotBeyond() {
        CounterSale sale = twoFilters();
        sale.pay(pay("100.00"));
        assertThat(sale.getStatus()).isEqualTo(CounterSaleStatus.OPEN);
        assertThatThrownBy(() -> sale.pay(pay("200.01")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("overpayment"));
        sale.pay(pay("200.00"));
        assertThat(sale.getStatus()).isEqualTo(CounterSaleStatus.PAID);
        assertThat(sale.outstanding().amount()).isZero();
        assertThat(sale.newEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CounterSaleOpened", "CounterSalePaymentRecorded", "CounterSalePaymentRecorded", "CounterSalePaid");
    }

    @Test
    void partsAreHandedOverOnlyForAPaidSaleAndItCompletesWhenEveryLineIsIssued() {
        CounterSale sale = twoFilters();
        assertThatThrownBy(sale::requireIssuable).isInstanceOf(IllegalTransition.class);
        sale.pay(pay("300.00"));
        sale.requireIssuable();
        sale.lineIssued("L1", "cs-1-L1", Instant.EPOCH);
        assertThat(sale.getStatus()).isEqualTo(CounterSaleStatus.COMPLETED);
        assertThatThrownBy(() -> sale.cancel("too late", CLERK, Instant.EPOCH)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aSaleWithPaymentsIsNotCancelled() {
        CounterSale sale = twoFilters();
        sale.pay(pay("10.00"));
        assertThatThrownBy(() -> sale.cancel("changed mind", CLERK, Instant.EPOCH))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("OPEN"));
    }
}
