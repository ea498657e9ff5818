package dev.forecourt.parts.reservations;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Stock was set aside for a repair-order line. */
@EventType("forecourt.parts.parts-reserved.v1")
public record PartsReserved(String reservationId, String repairOrderId, String lineId, String partNumber, int quantity,
                            String reservedBy, Instant reservedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
