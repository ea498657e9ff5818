package dev.forecourt.crm.customer;

import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A customer has not visited for the configured months and is listed for reactivation. */
@EventType("forecourt.crm.customer-marked-dormant.v1")
public record CustomerMarkedDormant(String customerId, String customerName, String customerPhone, LocalDate lastVisitOn,
                                    LocalDate markedOn, int monthsWithoutVisit) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
