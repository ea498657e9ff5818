package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** The OEM wants the retained causal part back: parts-service ships it and answers with WarrantyPartShipped. */
@EventType("forecourt.claims.causal-part-requested.v1")
public record CausalPartRequested(String claimId, String claimNumber, String repairOrderId, String vin, String partNumber,
                                  Instant requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
