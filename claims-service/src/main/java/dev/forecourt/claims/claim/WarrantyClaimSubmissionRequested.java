package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/**
 * The administrator put a claim forward to the OEM (round 1, or a resubmission after a correction): it
 * passed its checks and waits in SUBMISSION_PENDING until the OEM confirms receipt (submitted) or refuses it.
 */
@EventType("forecourt.claims.warranty-claim-submission-requested.v1")
public record WarrantyClaimSubmissionRequested(String claimId, String claimNumber, int submission, ClaimStatus from,
                                               String repairOrderId, String vin, Money claimedAmount, String requestedBy,
                                               Instant requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
