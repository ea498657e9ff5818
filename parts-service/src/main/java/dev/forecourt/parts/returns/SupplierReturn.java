package dev.forecourt.parts.returns;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;

/**
 * An entry of the supplier-return ledger: defective goods going back to the supplier, kept apart
 * from the stock ledger. Goods refused at receipt never entered stock; goods found defective on
 * the shelf left it with a {@code SUPPLIER_RETURN} movement ({@code movementId}).
 */
@Document("supplier_returns")
public record SupplierReturn(@Id String id, String storeId, String partNumber, int quantity, String supplier, String reason,
                             Source source, String receiptId, String movementId, Status status, Instant createdAt, Actor createdBy,
                             Instant shippedAt, Actor shippedBy, String shipmentReference) {

    public enum Source { REJECTED_AT_RECEIPT, FROM_STOCK }

    public enum Status implements Lifecycle<Status> {
        AWAITING_SHIPMENT, SHIPPED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case AWAITING_SHIPMENT -> EnumSet.of(SHIPPED);
                case SHIPPED -> EnumSet.noneOf(Status.class);
            };
        }
    }
}
