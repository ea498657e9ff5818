package dev.forecourt.parts.returns;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.web.Versioned;

/** An entry of the supplier-return ledger as answered by the API. */
public record SupplierReturnView(String id, String storeId, String partNumber, int quantity, String supplier, String reason,
                                 SupplierReturn.Source source, String receiptId, String movementId, SupplierReturn.Status status,
                                 Instant createdAt, Actor createdBy, Instant shippedAt, Actor shippedBy, String shipmentReference,
                                 Long version) implements Versioned {

    public static SupplierReturnView of(SupplierReturn r) {
        return new SupplierReturnView(r.id(), r.storeId(), r.partNumber(), r.quantity(), r.supplier(), r.reason(), r.source(),
                r.receiptId(), r.movementId(), r.status(), r.createdAt(), r.createdBy(), r.shippedAt(), r.shippedBy(),
                r.shipmentReference(), r.getVersion());
    }
}
