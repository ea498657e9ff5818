package dev.forecourt.claims.claim;

import java.time.Instant;

/** The OEM's request for the causal part and, once parts-service has shipped it, the shipment. */
public record PartReturn(String partNumber, Instant requestedAt, String retainedPartId, Instant shippedAt, String shippedBy) {

    public boolean isShipped() {
        return shippedAt != null;
    }

    PartReturn shipped(String retainedPart, Instant at, String by) {
        return new PartReturn(partNumber, requestedAt, retainedPart, at, by);
    }
}
