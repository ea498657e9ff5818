package dev.forecourt.crm.marketing;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An invitation's outcome changed: recorded by customer service, or DONE when the workshop did the campaign's work. */
@EventType("forecourt.crm.marketing-list-entry-outcome-recorded.v1")
public record MarketingListEntryOutcomeRecorded(String listId, ListKind kind, String campaignCode, int entryNo, String customerId,
                                                String vin, EntryOutcome previousOutcome, EntryOutcome outcome, String repairOrderId,
                                                Instant recordedAt, String recordedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return listId;
    }
}
