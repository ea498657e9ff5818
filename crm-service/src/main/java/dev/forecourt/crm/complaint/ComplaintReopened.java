package dev.forecourt.crm.complaint;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** The verifying callback found the customer does not accept the resolution: the complaint is open again, due anew. */
@EventType("forecourt.crm.complaint-reopened.v1")
public record ComplaintReopened(String complaintId, String customerId, String department, String verificationCallbackId,
                                Instant dueAt, Instant reopenedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
