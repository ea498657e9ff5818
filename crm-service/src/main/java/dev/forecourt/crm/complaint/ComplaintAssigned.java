package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A complaint was given to a department and an owner, due by {@code dueAt}. */
@EventType("forecourt.crm.complaint-assigned.v1")
public record ComplaintAssigned(String complaintId, String customerId, String department, String ownerId, String ownerName,
                                Instant dueAt, Instant assignedAt, String assignedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
