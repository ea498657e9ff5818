package dev.forecourt.sales.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;

class SupplyRulesTest {

    static final Actor MANAGER = new Actor("emp-salesmanager", "salesmanager", "Sales Manager", "sales-manager");
    static final Actor CASHIER = new Actor("emp-cashier", "cashier", "Cashier", "cashier");
    static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");
    static final YearMonth NOW = YearMonth.of(2026, 12);

    static VehicleOrder callOff(int quantity) {
        return VehicleOrder.draft("vo-1", "VO2026000001", VehicleOrder.Kind.CALL_OFF, NOW, null,
                List.of(new VehicleOrder.VehicleOrderLine(0, "Lavida", "1.5L Comfort", "Pearl White", quantity)), null, AT, MANAGER);
    }

    static VehicleOrder.AllocatedVehicle car(int line, String vin) {
        return new VehicleOrder.AllocatedVehicle(line, vin, "Lavida", "1.5L Comfort", "Pearl White", Money.cny("118900.00"),
                Money.cny("109388.00"), null, null, null);
    }

    @Test
    void aVehicleOrderIsNotSentBeforeTheSalesManagerApprovesIt() {
        VehicleOrder order = callOff(1);
        assertThatThrownBy(() -> order.recordAllocation("OEM-1", List.of(car(1, "LSVAB4BM7RN000001")), AT, MANAGER))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("approval");
        order.approve(AT, MANAGER);
        order.recordAllocation("OEM-1", List.of(car(1, "LSVAB4BM7RN000001")), AT, MANAGER);
        assertThat(order.getStatus()).isEqualTo(VehicleOrderStatus.ALLOCATED);
        assertThatThrownBy(() -> order.cancel("too late", AT, MANAGER)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theOemCannotAllocateMoreCarsThanALineOrdered() {
        VehicleOrder order = callOff(1);
        order.approve(AT, MANAGER);
        assertThatThrownBy(() -> order.recordAllocation("OEM-1", List.of(car(1, "LSVAB4BM7RN000001"), car(1, "LSVAB4BM9RN000002")), AT,
                MANAGER)).isInstanceOf(RuleViolated.class).hasMessageContaining("asked for 1");
        assertThatThrownBy(() -> order.recordAllocation("OEM-1", List.of(car(2, "LSVAB4BM7RN000001")), AT, MANAGER))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("does not exist");
    }

    @Test
    void theOrderIsDispatchedWhenEveryAllocatedCarLeftAndACarIsDispatchedOnce() {
        VehicleOrder order = callOff(2);
        order.approve(AT, MANAGER);
        order.recordAllocation("OEM-1", List.of(car(1, "LSVAB4BM7RN000001"), car(1, "LSVAB4BM9RN000002")), AT, MANAGER);
        var first = new OemVehicleDistribution.Dispatch("LSVAB4BM7RN000001", AT, LocalDate.of(2026, 12, 8), null, 2, List.of());
        assertThat(order.recordDispatches(List.of(first), AT)).hasSize(1);
        assertThat(order.recordDispatches(List.of(first), AT)).as("already dispatched").isEmpty();
        assertThat(order.getStatus()).isEqualTo(VehicleOrderStatus.ALLOCATED);
        var second = new OemVehicleDistribution.Dispatch("LSVAB4BM9RN000002", AT, LocalDate.of(2026, 12, 8), null, 2, List.of());
        var stranger = new OemVehicleDistribution.Dispatch("LFV3A23C0R3000001", AT, null, null, 2, List.of());
        assertThat(order.recordDispatches(List.of(first, second, stranger), AT)).extracting(VehicleOrder.AllocatedVehicle::vin)
                .containsExactly("LSVAB4BM9RN000002");
        assertThat(order.getStatus()).isEqualTo(VehicleOrderStatus.DISPATCHED);
        assertThat(order.invoiceTotal()).isEqualTo(Money.cny("218776.00"));
    }

    @Test
    void forecastsAreForNextMonthOrTheMonthAfterAndColoursOnlyForNextMonthAddingUpToTheForecast() {
        List<ForecastLine> forecast = List.of(new ForecastLine("Lavida", "1.5L Comfort", 5));
        assertThatThrownBy(() -> SupplyPlan.forecast(NOW, NOW, forecast, "R", AT, MANAGER)).isInstanceOf(RuleViolated.class)
                .hasMessageContaining("2027-01 or 2027-02");
        SupplyPlan n2 = SupplyPlan.forecast(NOW.plusMonths(2), NOW, forecast, "R", AT, MANAGER);
        assertThatThrownBy(() -> n2.confirmColours(NOW, List.of(new ColourLine("Lavida", "1.5L Comfort", "Pearl White", 5)), "R", AT, MANAGER))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("next month");

        SupplyPlan n1 = SupplyPlan.forecast(NOW.plusMonths(1), NOW, forecast, "R", AT, MANAGER);
        assertThatThrownBy(() -> n1.confirmColours(NOW, List.of(new ColourLine("lavida", "1.5L comfort", "Pearl White", 3),
                new ColourLine("Passat", null, "Black", 1)), "R", AT, MANAGER))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("forecast 5, colours 3").hasMessageContaining("passat: forecast 0");
        assertThatThrownBy(() -> n1.ordered("vo-1")).isInstanceOf(IllegalTransition.class);
        n1.confirmColours(NOW, List.of(new ColourLine("Lavida", "1.5L Comfort", "Pearl White", 3),
                new ColourLine("Lavida", "1.5L Comfort", "Deep Black", 2)), "R", AT, MANAGER);
        assertThatThrownBy(() -> n1.reviseForecast(NOW, forecast, "R", AT, MANAGER)).isInstanceOf(IllegalTransition.class);
        n1.ordered("vo-1");
        assertThatThrownBy(() -> n1.ordered("vo-2")).isInstanceOf(IllegalTransition.class).hasMessageContaining("already ordered");
    }

    @Test
    void aPaymentRequestIsForAllocatedCarsAndIsDecidedOnce() {
        VehicleOrder order = callOff(1);
        assertThatThrownBy(() -> PaymentRequest.request("pr-1", "PR2026000001", order, null, AT, MANAGER)).isInstanceOf(RuleViolated.class);
        order.approve(AT, MANAGER);
        order.recordAllocation("OEM-1", List.of(car(1, "LSVAB4BM7RN000001")), AT, MANAGER);
        PaymentRequest request = PaymentRequest.request("pr-1", "PR2026000001", order, null, AT, MANAGER);
        assertThat(request.getAmount()).isEqualTo(Money.cny("109388.00"));
        assertThatThrownBy(() -> request.reject(" ", AT, CASHIER)).isInstanceOf(RuleViolated.class);
        request.remit("ICBC-1", LocalDate.of(2026, 12, 5), AT, CASHIER);
        assertThatThrownBy(() -> request.reject("wrong", AT, CASHIER)).isInstanceOf(IllegalTransition.class);
    }
}
