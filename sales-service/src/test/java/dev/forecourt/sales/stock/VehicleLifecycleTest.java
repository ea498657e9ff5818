package dev.forecourt.sales.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.stock.VehicleEvents.PdiCompleted;
import dev.forecourt.sales.stock.VehicleEvents.VehicleReceived;

class VehicleLifecycleTest {

    static final Actor ADMIN = new Actor("emp-1", "stockadmin", "Stock Admin", "vehicle-stock-administrator");
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static Vehicle inStock() {
        return Vehicle.received(Vin.of("LSVAB4BM7RN000001"),
                new VehicleSpec("Volkswagen", "Lavida", "1.5L", "White", Money.cny("118900"), 2, List.of(), List.of()), NOW, ADMIN);
    }

    @Test
    void receivingAVehicleRaisesVehicleReceived() {
        Vehicle vehicle = inStock();
        assertThat(vehicle.getStatus()).isEqualTo(VehicleStatus.IN_STOCK);
        assertThat(vehicle.newEvents()).singleElement().isInstanceOf(VehicleReceived.class);
    }

    @Test
    void aVehicleCannotBeSoldBeforeItsPdi() {
        Vehicle vehicle = inStock();
        vehicle.reserve("so-1");
        assertThatThrownBy(() -> vehicle.sell("so-1"))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("pdi-not-passed"));
        assertThat(vehicle.getStatus()).isEqualTo(VehicleStatus.RESERVED);
    }

    @Test
    void aFailedPdiBlocksTheSaleUntilARepeatedPdiPasses() {
        Vehicle vehicle = inStock();
        vehicle.recordPdi(false, List.of("paint scratch"), NOW, ADMIN);
        vehicle.reserve("so-1");
        assertThatThrownBy(() -> vehicle.sell("so-1")).isInstanceOf(RuleViolated.class);
        vehicle.recordPdi(true, List.of(), NOW, ADMIN);
        vehicle.sell("so-1");
        assertThat(vehicle.getStatus()).isEqualTo(VehicleStatus.SOLD);
        assertThat(vehicle.getPdiHistory()).hasSize(2);
        assertThat(vehicle.newEvents()).filteredOn(PdiCompleted.class::isInstance).hasSize(2);
    }

    @Test
    void aFailedPdiMustListItsFindings() {
        assertThatThrownBy(() -> inStock().recordPdi(false, List.of(), NOW, ADMIN))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("pdi-findings-required"));
    }

    @Test
    void aReservedVehicleCannotBeReservedByAnotherOrder() {
        Vehicle vehicle = inStock();
        vehicle.reserve("so-1");
        assertThatThrownBy(() -> vehicle.reserve("so-2"))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("RESERVED"));
    }

    @Test
    void aDemoCarIsNeverReserved() {
        Vehicle vehicle = inStock();
        vehicle.moveToPool(VehiclePool.DEMO, NOW, ADMIN);
        assertThatThrownBy(() -> vehicle.reserve("so-1"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.type()).isEqualTo("vehicle-is-demo-car"));
    }

    @Test
    void aVehicleInTransitCannotBeReservedUntilItArrives() {
        Vehicle vehicle = Vehicle.inTransit(Vin.of("LFV3A23C2R3000002"),
                new VehicleSpec("Volkswagen", "Passat", "380TSI", "Black", Money.cny("249900"), 2, List.of(), List.of()), NOW);
        assertThatThrownBy(() -> vehicle.reserve("so-1")).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.currentState()).isEqualTo("IN_TRANSIT"));
        vehicle.arrive(NOW, ADMIN);
        vehicle.reserve("so-1");
        assertThat(vehicle.getStatus()).isEqualTo(VehicleStatus.RESERVED);
    }

    @Test
    void releasingPutsTheVehicleBackInStockAndDeliveryIsFinal() {
        Vehicle vehicle = inStock();
        vehicle.recordPdi(true, List.of(), NOW, ADMIN);
        vehicle.reserve("so-1");
        vehicle.release("so-1");
        assertThat(vehicle.getStatus()).isEqualTo(VehicleStatus.IN_STOCK);
        assertThat(vehicle.getReservedBy()).isNull();
        vehicle.reserve("so-2");
        vehicle.sell("so-2");
        vehicle.deliver("so-2", NOW);
        assertThat(VehicleStatus.DELIVERED.next()).isEmpty();
        assertThatThrownBy(() -> vehicle.release("so-2")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theAtomicUpdatesUseTheSameTransitions() {
        assertThat(VehicleStatus.predecessorsOf(VehicleStatus.RESERVED)).containsExactly(VehicleStatus.IN_STOCK);
        assertThat(VehicleStatus.predecessorsOf(VehicleStatus.SOLD)).containsExactly(VehicleStatus.RESERVED);
        assertThat(VehicleStatus.predecessorsOf(VehicleStatus.DELIVERED)).containsExactly(VehicleStatus.SOLD);
    }
}
