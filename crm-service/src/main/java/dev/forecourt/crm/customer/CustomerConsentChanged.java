package dev.forecourt.crm.customer;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** The customer gave or withdrew consent to be called or to get messages; both as they now stand. */
@EventType("forecourt.crm.customer-consent-changed.v1")
public record CustomerConsentChanged(String customerId, String customerPhone, boolean callConsent, boolean messageConsent,
                                     Instant changedAt, String changedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
