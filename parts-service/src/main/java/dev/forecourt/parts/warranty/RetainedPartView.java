package dev.forecourt.parts.warranty;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.web.Versioned;

/** A retained warranty part as answered by the API. */
public record RetainedPartView(String id, String repairOrderId, String orderNumber, String jobId, String vin, String partNumber,
                               String description, int quantity, RetainedPart.Status status, Instant retainedAt, Actor retainedBy,
                               String claimId, String claimNumber, Instant shippedAt, String shippedBy, Long version)
        implements Versioned {

    public static RetainedPartView of(RetainedPart p) {
        return new RetainedPartView(p.getId(), p.getRepairOrderId(), p.getOrderNumber(), p.getJobId(), p.getVin(), p.getPartNumber(),
                p.getDescription(), p.getQuantity(), p.getStatus(), p.getRetainedAt(), p.getRetainedBy(), p.getClaimId(),
                p.getClaimNumber(), p.getShippedAt(), p.getShippedBy(), p.getVersion());
    }
}
