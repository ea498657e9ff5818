package dev.forecourt.crm.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An invitation list was built: which campaign, which customers (by the shared customer id) and vehicles, members marked. */
@EventType("forecourt.crm.marketing-list-created.v1")
public record MarketingListCreated(String listId, ListKind kind, String name, String campaignCode, LocalDate startsOn,
                                   LocalDate endsOn, List<Entry> entries, Instant createdAt, String createdBy) implements DomainEvent {

    public record Entry(int entryNo, String customerId, String vin, boolean clubMember) {
    }

    @Override
    public String aggregateId() {
        return listId;
    }
}
