package dev.forecourt.parts.issuing;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Parts left the store against a repair order or a counter sale. */
@EventType("forecourt.parts.parts-issued.v1")
public record PartsIssued(String issueId, String partNumber, int quantity, String documentType, String documentId,
                          String orderNumber, String lineId, String reservationId, int fromReservation, String issuedBy, Instant issuedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
