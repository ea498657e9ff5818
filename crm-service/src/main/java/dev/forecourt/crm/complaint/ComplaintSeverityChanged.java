package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A complaint was classified anew (major or normal), with the reason. */
@EventType("forecourt.crm.complaint-severity-changed.v1")
public record ComplaintSeverityChanged(String complaintId, String customerId, String department, ComplaintSeverity severity,
                                       ComplaintSeverity previousSeverity, String reason, Instant changedAt, String changedBy)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
