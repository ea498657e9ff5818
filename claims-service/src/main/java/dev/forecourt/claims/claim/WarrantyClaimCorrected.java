package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** The administrator corrected a claim's content (a draft, or one the OEM refused or sent back); its new price. */
@EventType("forecourt.claims.warranty-claim-corrected.v1")
public record WarrantyClaimCorrected(String claimId, String claimNumber, ClaimStatus status, String repairOrderId, String vin,
                                     Money claimedAmount, String correctedBy, Instant correctedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
