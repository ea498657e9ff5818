package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A complaint was resolved; the verifying second callback follows from this event. */
@EventType("forecourt.crm.complaint-resolved.v1")
public record ComplaintResolved(String complaintId, String customerId, String customerName, String customerPhone,
                                String department, String staffId, String repairOrderId, String resolution,
                                int resolutionNumber, Instant resolvedAt, String resolvedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
