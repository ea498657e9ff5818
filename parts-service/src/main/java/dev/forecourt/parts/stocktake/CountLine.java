package dev.forecourt.parts.stocktake;

import java.math.BigDecimal;

/**
 * One part on a count sheet: the book quantity and what was counted on the shelf. The book quantity
 * is the one when the sheet was printed until the count is recorded, then the one at the moment of
 * the count: movements before the count are both on the shelf and in that book, movements after it
 * are in neither, so counted − book is the true variance however the store moved stock meanwhile.
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

    CountLine counted(int quantity, int bookAtCount) {
        return new CountLine(partNumber, name, unitPrice, bookAtCount, quantity, adjustmentMovementId);
    }

    CountLine adjusted(String movementId) {
        return new CountLine(partNumber, name, unitPrice, bookQuantity, countedQuantity, movementId);
    }
}
