package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** The OEM refused a submission round as sent (4xx): the claim waits for the administrator's correction. */
@EventType("forecourt.claims.warranty-claim-submission-refused.v1")
public record WarrantyClaimSubmissionRefused(String claimId, String claimNumber, int submission, String repairOrderId, String vin,
                                             int httpStatus, String reasonCode, String reason, Instant refusedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
