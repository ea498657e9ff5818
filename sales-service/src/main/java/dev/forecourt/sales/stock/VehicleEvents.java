package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** Facts about a vehicle in stock; the subject is the VIN. */
public final class VehicleEvents {

    private VehicleEvents() {
    }

    @EventType("forecourt.sales.vehicle-received.v1")
    public record VehicleReceived(String vin, String brand, String model, String trim, String colour, Money listPrice,
                                  int keys, List<String> documents, Instant receivedAt, String receivedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return vin;
        }
    }

    @EventType("forecourt.sales.pdi-completed.v1")
    public record PdiCompleted(String vin, boolean passed, List<String> findings, Instant inspectedAt, String inspectedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vin;
        }
    }

    /** A vehicle the carmaker announced, on its way to the store (在途). */
    @EventType("forecourt.sales.vehicle-in-transit.v1")
    public record VehicleInTransit(String vin, String brand, String model, String trim, String colour, Money listPrice,
                                   Instant registeredAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return vin;
        }
    }

    /** A vehicle moved between the cars for sale (STOCK) and the demo cars (DEMO). */
    @EventType("forecourt.sales.vehicle-pool-changed.v1")
    public record VehiclePoolChanged(String vin, String model, VehiclePool from, VehiclePool to, Instant changedAt, String changedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vin;
        }
    }

    /**
     * The vehicle's stock status moved for a sales order: reserved (order confirmed), sold (paid in
     * full), delivered, or back in stock (order cancelled, or a step undone because the order could
     * not be written).
     */
    @EventType("forecourt.sales.vehicle-status-changed.v1")
    public record VehicleStatusChanged(String vin, VehicleStatus from, VehicleStatus to, String salesOrderId, Instant changedAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vin;
        }
    }
}
