package dev.forecourt.workshop.roadservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.workshop.repairorder.RoadServiceTrip;
import dev.forecourt.workshop.repairorder.WarrantyDetails;

/** The outside-service order's rules, without Spring. */
class RoadServiceOrderTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Actor FOREMAN = new Actor("emp-foreman", "foreman", "赵主管", "workshop-supervisor");
    static final Actor TECH = new Actor("emp-tech", "tech", "李师傅", "technician");
    static final String VIN = "LSVAB4BM9RN000002";

    @Test
    void theKilometresDrivenAreTheVansOdometerBackLessOut() {
        RoadServiceOrder order = out(null);
        assertThat(order.drivenKm()).isNull();
        order.returned(52_086, NOW.plusSeconds(7200));
        assertThat(order.drivenKm()).isEqualTo(86);
        assertThat(order.getStatus()).isEqualTo(RoadServiceOrder.Status.RETURNED);
        assertThat(order.newEvents()).hasSize(2);
    }

    @Test
    void theVanCannotComeBackWithLessOnTheOdometerNorComeBackTwice() {
        RoadServiceOrder order = out(null);
        assertThatThrownBy(() -> order.returned(51_999, NOW)).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("odometer-decreased"));
        order.returned(52_000, NOW);
        assertThatThrownBy(() -> order.returned(52_100, NOW)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.currentState()).isEqualTo("RETURNED"));
    }

    @Test
    void aWarrantyJobClaimsTheTripOnlyOnceTheVanIsBackForItsCarAndWithTheSameKilometres() {
        RoadServiceOrder order = out("ro-1");
        assertThatThrownBy(() -> order.tripFor(VIN, "ro-1", null)).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("road-service-not-returned"));
        order.returned(52_086, NOW);
        assertThatThrownBy(() -> order.tripFor("LSVAB4BM7RN000001", "ro-1", null)).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("road-service-other-vehicle"));
        assertThatThrownBy(() -> order.tripFor(VIN, "ro-2", null)).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("road-service-other-order"));
        assertThatThrownBy(() -> order.tripFor(VIN, "ro-1", 90)).isInstanceOfSatisfying(RuleViolated.class, e -> {
            assertThat(e.type()).isEqualTo("outside-service-km-mismatch");
            assertThat(e.properties().get("drivenKm")).isEqualTo(86);
        });

        RoadServiceTrip trip = order.tripFor(VIN, "ro-1", 86);
        assertThat(trip).isEqualTo(new RoadServiceTrip("RS2026000001", "emp-tech", "李师傅", 52_000, 52_086));
        WarrantyDetails details = new WarrantyDetails("pump failed", "replaced pump", "06H121026", LocalDate.parse("2026-11-30"),
                false, null, "RS2026000001").withRoadServiceOrder(trip);
        assertThat(details.roadService()).isTrue();
        assertThat(details.outsideServiceKm()).isEqualTo(86);
        assertThat(details.roadServiceOrderNumber()).isEqualTo("RS2026000001");
        assertThat(details.roadServiceOrder()).isEqualTo(trip);
    }

    @Test
    void anOrderServingNoRepairOrderYetServesTheOneThatQuotesIt() {
        RoadServiceOrder order = out(null);
        order.returned(52_010, NOW);
        assertThat(order.tripFor(VIN, "ro-9", null).drivenKm()).isEqualTo(10);
    }

    private static RoadServiceOrder out(String repairOrderId) {
        return RoadServiceOrder.dispatch("rs-1", "RS2026000001", VIN, "G15 km 120, Jiading", repairOrderId, TECH, 52_000, FOREMAN, NOW);
    }
}
