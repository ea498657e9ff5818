package dev.forecourt.parts.purchasing;

import java.time.Instant;
import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A waiting repair-order line is covered by a purchase order confirmed with an arrival date.
 * Raised by the purchase order with its confirmation; subject: the repair order's id.
 */
@EventType("forecourt.parts.waiting-line-expected.v1")
public record WaitingLineExpected(String repairOrderId, String lineId, String partNumber, int quantity, String purchaseOrderNumber,
                                  LocalDate expectedArrival, Instant at) implements DomainEvent {

    @Override
    public String aggregateId() {
        return repairOrderId;
    }
}
