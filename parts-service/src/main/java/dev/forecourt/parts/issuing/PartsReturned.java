package dev.forecourt.parts.issuing;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Pieces issued to a repair-order line came back unused. */
@EventType("forecourt.parts.parts-returned.v1")
public record PartsReturned(String returnId, String partNumber, int quantity, String repairOrderId, String orderNumber, String lineId,
                            String reason, String returnedBy, Instant returnedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
