package dev.forecourt.parts.planning;

/**
 * One line of the order plan.
 *
 * @param recentUsage       pieces issued in the usage window
 * @param averageDailyUsage recentUsage / window days
 * @param suggestedQuantity orderUpTo − available
 */
public record ReplenishmentSuggestion(String partNumber, String name, int available, int minStock, int maxStock, int safetyStock,
                                      int recentUsage, double averageDailyUsage, int reorderPoint, int orderUpTo,
                                      int suggestedQuantity) {
}
