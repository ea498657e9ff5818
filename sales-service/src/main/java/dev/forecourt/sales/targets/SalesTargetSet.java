package dev.forecourt.sales.targets;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** A sales target was set or revised; the subject is the target id. No personal data. */
@EventType("forecourt.sales.sales-target-set.v1")
public record SalesTargetSet(String targetId, String period, SalesTarget.Scope scope, String consultantId, String consultantName,
                             String model, int orders, int deliveries, Money revenue, Instant setAt, String setBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return targetId;
    }
}
