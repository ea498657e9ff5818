package dev.forecourt.parts.stocktake;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An approved stocktake variance was booked: books now agree with the shelf. */
@EventType("forecourt.parts.stock-adjusted.v1")
public record StockAdjusted(String stocktakeId, String partNumber, int quantity, int bookQuantity, int countedQuantity,
                            String approvedBy, Instant adjustedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return partNumber;
    }
}
