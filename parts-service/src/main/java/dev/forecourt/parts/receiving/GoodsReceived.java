package dev.forecourt.parts.receiving;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A delivery was received and posted: the supplier, its delivery note and per line what came, what
 * went on the shelf and what was refused (the refused pieces are on the supplier-return ledger).
 * Subject: the receipt's id.
 */
@EventType("forecourt.parts.goods-received.v1")
public record GoodsReceived(String receiptId, String supplier, String deliveryNote, String purchaseOrderId, String purchaseOrderNumber,
                            List<Line> lines, int acceptedPieces,
                            int rejectedPieces, String receivedBy, Instant receivedAt) implements DomainEvent {

    public record Line(int lineNo, String partNumber, int delivered, int accepted, int rejected, String rejectionReason,
                       String supplierReturnId, Integer purchaseOrderLine) {
    }

    @Override
    public String aggregateId() {
        return receiptId;
    }
}
