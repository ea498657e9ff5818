package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** The OEM confirmed receipt of a submission round (the first, or a resubmission after a correction). */
@EventType("forecourt.claims.warranty-claim-submitted.v1")
public record WarrantyClaimSubmitted(String claimId, String claimNumber, int submission, String repairOrderId, String vin,
                                     Money claimedAmount, String oemReference, Instant submittedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
