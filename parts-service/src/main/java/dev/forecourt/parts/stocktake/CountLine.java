package dev.forecourt.parts.stocktake;

import java.math.BigDecimal;

/**
 * One part on a count sheet: the book quantity frozen when the sheet was printed and what was
 * counted on the shelf.
 *
 * @param adjustmentMovementId set once the variance is booked (after approval)
 */
public record CountLine(String partNumber, String name, BigDecimal unitPrice, int bookQuantity, Integer countedQuantity,
                        String adjustmentMovementId) {

    public Integer variance() {
        return countedQuantity == null ? null : countedQuantity - bookQuantity;
    }

    public boolean needsAdjustment() {
        return countedQuantity != null && countedQuantity != bookQuantity && adjustmentMovementId == null;
    }

    CountLine counted(int quantity) {
        return new CountLine(partNumber, name, unitPrice, bookQuantity, quantity, adjustmentMovementId);
    }

    CountLine adjusted(String movementId) {
        return new CountLine(partNumber, name, unitPrice, bookQuantity, countedQuantity, movementId);
    }
}
