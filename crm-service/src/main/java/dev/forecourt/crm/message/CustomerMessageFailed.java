package dev.forecourt.crm.message;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A text could not be handed to the SMS provider (refused, or the attempts ran out): someone should call instead. */
@EventType("forecourt.crm.customer-message-failed.v1")
public record CustomerMessageFailed(String messageId, String customerId, String customerPhone, MessageKind kind, String cause,
                                    int attempts, String reason, Instant failedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId;
    }
}
