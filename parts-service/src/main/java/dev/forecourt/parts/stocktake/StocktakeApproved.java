package dev.forecourt.parts.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * The parts manager approved a stocktake and its variances were booked (each also announced as
 * stock-adjusted). Values at catalogue price, in the store's currency. Subject: the stocktake's id.
 */
@EventType("forecourt.parts.stocktake-approved.v1")
public record StocktakeApproved(String stocktakeId, int linesCounted, List<Variance> variances, int netVariance, BigDecimal varianceValue,
                                String approvedBy, Instant approvedAt) implements DomainEvent {

    public record Variance(String partNumber, int bookQuantity, int countedQuantity, int variance, BigDecimal varianceValue,
                           String adjustmentMovementId) {
    }

    @Override
    public String aggregateId() {
        return stocktakeId;
    }
}
