package dev.forecourt.parts.receiving;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Accepted goods of a delivery went on the shelf. */
@EventType("forecourt.parts.parts-received.v1")
public record PartsReceived(String receiptId, String partNumber, int quantity, int rejected, String supplier, String deliveryNote,
                            String receivedBy, Instant receivedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
