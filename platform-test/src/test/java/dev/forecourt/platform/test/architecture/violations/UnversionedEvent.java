package dev.forecourt.platform.test.architecture.violations;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Breaks the rules on purpose: an event type without its version. */
@EventType("forecourt.sample.something-happened")
public record UnversionedEvent(String id) implements DomainEvent {
    @Override
    public String aggregateId() {
        return id;
    }
}
