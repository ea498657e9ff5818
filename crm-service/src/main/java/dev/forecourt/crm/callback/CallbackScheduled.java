package dev.forecourt.crm.callback;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A call was put on the customer-service (or consultant's) list: who, why, due when, by which deadline. */
@EventType("forecourt.crm.callback-scheduled.v1")
public record CallbackScheduled(String callbackId, String customerId, String customerPhone, CallbackKind kind,
                                String department, String staffId, String salesOrderId, String repairOrderId,
                                String complaintId, String vin, String triggeredBy, Instant triggeredAt, Instant deadline,
                                Instant dueAt, String assigneeId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return callbackId;
    }
}
