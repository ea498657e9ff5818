package dev.forecourt.parts.warranty;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A part replaced under warranty and kept for the OEM (索赔件): tagged with its repair order until
 * the carmaker asks for it, then shipped back with the claim reference. It is not stock.
 */
@Document("retained_parts")
public class RetainedPart extends OutboxAggregate {

    public enum Status implements Lifecycle<Status> {
        RETAINED, SHIPPED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case RETAINED -> EnumSet.of(SHIPPED);
                case SHIPPED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    private String id;
    private String storeId;
    @Indexed
    private String repairOrderId;
    private String orderNumber;
    private String jobId;
    private String vin;
    private String partNumber;
    private String description;
    private int quantity;
    private Status status;
    private Instant retainedAt;
    private Actor retainedBy;
    private String claimId;
    private String claimNumber;
    private Instant shippedAt;
    private String shippedBy;

    static RetainedPart retain(String id, String storeId, RetainedPartDetails details, Actor by, Instant at) {
        RetainedPart part = new RetainedPart();
        part.id = id;
        part.storeId = storeId;
        part.repairOrderId = details.repairOrderId();
        part.orderNumber = details.orderNumber();
        part.jobId = details.jobId();
        part.vin = details.vin();
        part.partNumber = details.partNumber();
        part.description = details.description();
        part.quantity = details.quantity();
        part.status = Status.RETAINED;
        part.retainedAt = at;
        part.retainedBy = by;
        return part;
    }

    /** Ships the part back to the OEM with the claim reference; once only. */
    void ship(String claimId, String claimNumber, String by, Instant at) {
        status = Lifecycle.requireTransition(status, Status.SHIPPED, "The part was already shipped for claim " + this.claimNumber);
        this.claimId = claimId;
        this.claimNumber = claimNumber;
        this.shippedAt = at;
        this.shippedBy = by;
        raise(new WarrantyPartShipped(id, claimId, claimNumber, repairOrderId, partNumber, at, by));
    }

    public String getId() { return id; }
    public String getRepairOrderId() { return repairOrderId; }
    public String getOrderNumber() { return orderNumber; }
    public String getJobId() { return jobId; }
    public String getVin() { return vin; }
    public String getPartNumber() { return partNumber; }
    public String getDescription() { return description; }
    public int getQuantity() { return quantity; }
    public Status getStatus() { return status; }
    public Instant getRetainedAt() { return retainedAt; }
    public Actor getRetainedBy() { return retainedBy; }
    public String getClaimId() { return claimId; }
    public String getClaimNumber() { return claimNumber; }
    public Instant getShippedAt() { return shippedAt; }
    public String getShippedBy() { return shippedBy; }
}
