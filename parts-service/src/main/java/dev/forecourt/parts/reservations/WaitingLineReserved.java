package dev.forecourt.parts.reservations;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * Goods arrived and a waiting repair-order line was reserved automatically; written with the
 * stock card's reservation and its {@link PartsReserved}. Subject: the part number.
 *
 * @param purchaseOrderNumber the order the arriving goods were received against (null without one)
 */
@EventType("forecourt.parts.waiting-line-reserved.v1")
public record WaitingLineReserved(String reservationId, String repairOrderId, String lineId, String partNumber, int quantity,
                                  String purchaseOrderNumber, String goodsReceiptId, Instant reservedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
