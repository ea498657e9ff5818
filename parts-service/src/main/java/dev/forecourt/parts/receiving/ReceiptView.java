package dev.forecourt.parts.receiving;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.web.Versioned;

/** A goods receipt as answered by the API. */
public record ReceiptView(String id, String supplier, String deliveryNote, List<ReceiptLine> lines, ReceiptStatus status,
                          Instant receivedAt, Actor receivedBy, String purchaseOrderId, String purchaseOrderNumber, Long version)
        implements Versioned {

    public static ReceiptView of(GoodsReceipt r) {
        return new ReceiptView(r.getId(), r.getSupplier(), r.getDeliveryNote(), r.getLines(), r.getStatus(), r.getReceivedAt(),
                r.getReceivedBy(), r.getPurchaseOrderId(), r.getPurchaseOrderNumber(), r.getVersion());
    }
}
