package dev.forecourt.parts.stock;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Available stock fell below the part's reorder point (its minimum): the planner should order. */
@EventType("forecourt.parts.stock-below-reorder-point.v1")
public record StockBelowReorderPoint(String partNumber, int available, int reorderPoint, Instant at) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
