package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

@EventType("forecourt.claims.warranty-claim-paid.v1")
public record WarrantyClaimPaid(String claimId, String claimNumber, String repairOrderId, Money claimedAmount,
                                Money approvedAmount, Money paidAmount, String paymentReference, Instant paidAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return claimId;
    }
}
