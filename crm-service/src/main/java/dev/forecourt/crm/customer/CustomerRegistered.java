package dev.forecourt.crm.customer;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A customer profile was created: by staff, or learned from a sale or a repair. Carries the name
 * and mobile (personal data) so a consumer can address the customer; contacts stay in CRM.
 *
 * @param source {@code STAFF}, {@code SALE}, {@code REPAIR}, {@code POLICY} or {@code APPOINTMENT}
 */
@EventType("forecourt.crm.customer-registered.v1")
public record CustomerRegistered(String customerId, String customerName, String customerPhone, String source,
                                 boolean callConsent, boolean messageConsent, String clubLevel, Instant registeredAt,
                                 String registeredBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
