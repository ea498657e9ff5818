package dev.forecourt.sales.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;

class SalesTargetTest {

    static final Actor MANAGER = new Actor("emp-salesmanager", "salesmanager", "Manager", "sales-manager");
    static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void aTargetIsForAMonthOrAYearAndOneScope() {
        SalesTarget consultant = SalesTarget.set("2026-12", "emp-sales", "Sales", null, 8, 6, Money.cny("1200000.00"), NOW, MANAGER);
        assertThat(consultant.getScope()).isEqualTo(SalesTarget.Scope.CONSULTANT);
        assertThat(consultant.getId()).isEqualTo("st-2026-12-consultant-emp-sales");
        assertThat(consultant.monthly()).isTrue();
        SalesTarget model = SalesTarget.set("2026", null, null, "Tiguan L", 120, 110, Money.cny("26000000.00"), NOW, MANAGER);
        assertThat(model.getId()).isEqualTo("st-2026-model-tiguan-l");
        assertThat(model.monthly()).isFalse();
        assertThat(SalesTarget.set("2026-12", null, null, null, 40, 35, Money.cny("6000000.00"), NOW, MANAGER).getScope())
                .isEqualTo(SalesTarget.Scope.STORE);
        assertThat(model.newEvents()).singleElement().isInstanceOfSatisfying(SalesTargetSet.class,
                e -> assertThat(e.orders()).isEqualTo(120));
    }

    @Test
    void aTargetNeedsAMonthOrYearAndNoNegativeFigures() {
        assertThatThrownBy(() -> SalesTarget.set("2026-13", null, null, null, 1, 1, Money.cny("1.00"), NOW, MANAGER))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> SalesTarget.set("Q4-2026", null, null, null, 1, 1, Money.cny("1.00"), NOW, MANAGER))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> SalesTarget.set("2026-12", "emp-sales", "Sales", "Passat", 1, 1, Money.cny("1.00"), NOW, MANAGER))
                .isInstanceOf(InvalidValue.class);
        SalesTarget target = SalesTarget.set("2026-12", null, null, null, 1, 1, Money.cny("1.00"), NOW, MANAGER);
        assertThatThrownBy(() -> target.change(-1, 1, Money.cny("1.00"), NOW, MANAGER))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("target-negative"));
        assertThat(target.getOrders()).isEqualTo(1);
    }
}
