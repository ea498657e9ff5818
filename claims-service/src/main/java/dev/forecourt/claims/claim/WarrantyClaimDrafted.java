package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

@EventType("forecourt.claims.warranty-claim-drafted.v1")
public record WarrantyClaimDrafted(String claimId, String claimNumber, ClaimSource source, String repairOrderId, String jobId,
                                   String vin, String brand, Money claimedAmount, String draftedBy, Instant draftedAt,
                                   ClaimType claimType, String campaignCode)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
