package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An open complaint passed its due date by another period: level 1 the department manager, 2 and above the general manager. */
@EventType("forecourt.crm.complaint-escalated.v1")
public record ComplaintEscalated(String complaintId, String customerId, String department, int level, Instant dueAt,
                                 Instant escalatedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
