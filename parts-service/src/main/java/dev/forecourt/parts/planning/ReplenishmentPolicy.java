package dev.forecourt.parts.planning;

import java.util.Optional;

/**
 * The reorder rule (min/max with usage): the reorder point is the larger of the catalogue minimum
 * and the safety stock plus what recent usage consumes during the lead time; when available stock
 * is at or below it, order up to the larger of the maximum and that reorder point.
 *
 * @param usageDays    the window recent usage is measured over
 * @param leadTimeDays days from order to delivery
 */
record ReplenishmentPolicy(int usageDays, int leadTimeDays) {

    /** What the rule needs to know about one part. */
    record Facts(String partNumber, String name, int available, int minStock, int maxStock, int safetyStock, int usedInWindow) {
    }

    Optional<ReplenishmentSuggestion> suggest(Facts part) {
        double dailyUsage = (double) part.usedInWindow() / usageDays;
        int leadTimeDemand = (int) Math.ceil(dailyUsage * leadTimeDays);
        int reorderPoint = Math.max(part.minStock(), part.safetyStock() + leadTimeDemand);
        if (reorderPoint == 0 || part.available() > reorderPoint) {
            return Optional.empty();
        }
        int orderUpTo = Math.max(part.maxStock(), reorderPoint);
        int quantity = orderUpTo - part.available();
        if (quantity <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ReplenishmentSuggestion(part.partNumber(), part.name(), part.available(), part.minStock(),
                part.maxStock(), part.safetyStock(), part.usedInWindow(), Math.round(dailyUsage * 100) / 100.0, reorderPoint,
                orderUpTo, quantity));
    }
}
