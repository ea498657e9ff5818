package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

@EventType("forecourt.crm.complaint-opened.v1")
public record ComplaintOpened(String complaintId, String customerId, String customerName, String customerPhone,
                              ComplaintSource source, ComplaintSeverity severity, String department, String staffId, String callbackId,
                              String repairOrderId, String salesOrderId, String summary, Instant openedAt,
                              Instant dueAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
