package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

@EventType("forecourt.claims.warranty-claim-status-changed.v1")
public record WarrantyClaimStatusChanged(String claimId, String claimNumber, ClaimStatus from, ClaimStatus to,
                                         String reasonCode, String message, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
