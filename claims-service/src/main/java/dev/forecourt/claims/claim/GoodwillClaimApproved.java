package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** The service director approved a goodwill claim for submission to the OEM. */
@EventType("forecourt.claims.goodwill-claim-approved.v1")
public record GoodwillClaimApproved(String claimId, String claimNumber, String repairOrderId, String vin, Money claimedAmount,
                                    String approvedBy, String approverPosition, String note, Instant approvedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
