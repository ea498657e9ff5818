package dev.forecourt.parts.warranty;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A retained part went back to the OEM for a claim; claims-service shows the shipment. */
@EventType("forecourt.parts.warranty-part-shipped.v1")
public record WarrantyPartShipped(String retainedPartId, String claimId, String claimNumber, String repairOrderId, String partNumber,
                                  Instant shippedAt, String shippedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return retainedPartId;
    }
}
