package dev.forecourt.crm.message;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** The SMS provider took a text for the customer (the text itself stays in CRM). */
@EventType("forecourt.crm.customer-message-sent.v1")
public record CustomerMessageSent(String messageId, String customerId, String customerPhone, MessageKind kind, String cause,
                                  int attempt, String providerMessageId, Instant sentAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return messageId;
    }
}
