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
}
