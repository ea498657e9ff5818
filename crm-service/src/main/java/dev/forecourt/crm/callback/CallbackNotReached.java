package dev.forecourt.crm.callback;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A call did not reach the customer. {@code gaveUp} is true on the last allowed attempt (the task
 * is NOT_REACHED); otherwise {@code nextDueAt} says when the next attempt is planned.
 */
@EventType("forecourt.crm.callback-not-reached.v1")
public record CallbackNotReached(String callbackId, String customerId, String customerPhone, CallbackKind kind,
                                 String department, int attempt, boolean gaveUp, Instant nextDueAt, Instant attemptedAt,
                                 String attemptedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return callbackId;
    }
}
