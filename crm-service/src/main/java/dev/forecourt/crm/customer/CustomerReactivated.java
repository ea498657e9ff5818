package dev.forecourt.crm.customer;

import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A dormant customer came back (bought or had a paid visit) and is active again. */
@EventType("forecourt.crm.customer-reactivated.v1")
public record CustomerReactivated(String customerId, String customerPhone, LocalDate dormantSince, LocalDate visitedOn)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
