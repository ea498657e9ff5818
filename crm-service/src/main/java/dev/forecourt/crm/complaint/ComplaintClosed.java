package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A complaint was closed: verified by the second callback ({@code verified}), or closed by staff without it. */
@EventType("forecourt.crm.complaint-closed.v1")
public record ComplaintClosed(String complaintId, String customerId, String department, boolean verified, String reason,
                              Instant closedAt, String closedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
