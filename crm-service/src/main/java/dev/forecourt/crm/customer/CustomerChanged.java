package dev.forecourt.crm.customer;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Staff changed a profile's name, contacts or club membership; {@code changed} names which (the contacts themselves stay in CRM). */
@EventType("forecourt.crm.customer-changed.v1")
public record CustomerChanged(String customerId, String customerName, String customerPhone, List<String> changed,
                              String clubLevel, Instant changedAt, String changedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
