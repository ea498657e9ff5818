package dev.forecourt.crm.callback;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An open call is no longer needed, e.g. a maintenance reminder replaced after the maintenance was done. */
@EventType("forecourt.crm.callback-cancelled.v1")
public record CallbackCancelled(String callbackId, String customerId, CallbackKind kind, String reason, Instant cancelledAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return callbackId;
    }
}
