package dev.forecourt.parts.returns;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * An entry of the supplier-return ledger: defective goods going back to the supplier, kept apart
 * from the stock ledger. Goods refused at receipt never entered stock; goods found defective on
 * the shelf left it with a {@code SUPPLIER_RETURN} movement ({@code movementId}).
 */
@Document("supplier_returns")
public class SupplierReturn extends OutboxAggregate {

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

    /** Goods are on their way back to a supplier (refused at the goods-in desk, or taken off the shelf). */
    @EventType("forecourt.parts.supplier-return-recorded.v1")
    public record SupplierReturnRecorded(String returnId, String partNumber, int quantity, String supplier, String reason, Source source,
                                         String receiptId, String recordedBy, Instant recordedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return returnId;
        }
    }

    /** The returned goods left the store for the supplier. */
    @EventType("forecourt.parts.supplier-return-shipped.v1")
    public record SupplierReturnShipped(String returnId, String partNumber, int quantity, String supplier, String shipmentReference,
                                        String shippedBy, Instant shippedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return returnId;
        }
    }

    @Id
    private String id;
    private String storeId;
    private String partNumber;
    private int quantity;
    private String supplier;
    private String reason;
    private Source source;
    private String receiptId;
    private String movementId;
    private Status status;
    private Instant createdAt;
    private Actor createdBy;
    private Instant shippedAt;
    private Actor shippedBy;
    private String shipmentReference;

    static SupplierReturn record(String id, String storeId, String partNumber, int quantity, String supplier, String reason, Source source,
                                 String receiptId, String movementId, Actor by, Instant at) {
        SupplierReturn entry = new SupplierReturn();
        entry.id = id;
        entry.storeId = storeId;
        entry.partNumber = partNumber;
        entry.quantity = quantity;
        entry.supplier = supplier;
        entry.reason = reason;
        entry.source = source;
        entry.receiptId = receiptId;
        entry.movementId = movementId;
        entry.status = Status.AWAITING_SHIPMENT;
        entry.createdAt = at;
        entry.createdBy = by;
        entry.raise(new SupplierReturnRecorded(id, partNumber, quantity, supplier, reason, source, receiptId, by.username(), at));
        return entry;
    }

    void ship(String reference, Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, Status.SHIPPED, "The return has already been shipped");
        shipmentReference = reference;
        shippedBy = by;
        shippedAt = at;
        raise(new SupplierReturnShipped(id, partNumber, quantity, supplier, reference, by.username(), at));
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    public String partNumber() { return partNumber; }
    public int quantity() { return quantity; }
    public String supplier() { return supplier; }
    public String reason() { return reason; }
    public Source source() { return source; }
    public String receiptId() { return receiptId; }
    public String movementId() { return movementId; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Actor createdBy() { return createdBy; }
    public Instant shippedAt() { return shippedAt; }
    public Actor shippedBy() { return shippedBy; }
    public String shipmentReference() { return shipmentReference; }
}
