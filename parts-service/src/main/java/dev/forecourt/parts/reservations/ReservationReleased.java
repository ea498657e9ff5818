package dev.forecourt.parts.reservations;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A reservation gave its stock back (released by hand or because its repair order was cancelled). */
@EventType("forecourt.parts.reservation-released.v1")
public record ReservationReleased(String reservationId, String repairOrderId, String lineId, String partNumber, int quantity,
                                  String reason, String releasedBy, Instant releasedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
