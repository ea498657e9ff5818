package dev.forecourt.parts.purchasing;

import java.time.LocalDate;

import dev.forecourt.platform.money.Money;

/**
 * A line of a purchase order.
 *
 * @param confirmed       what the supplier confirmed it will ship now (null until confirmed)
 * @param backOrdered     what it will ship later (ordered − confirmed at confirmation)
 * @param expectedArrival the supplier's promised arrival date (null until confirmed)
 * @param received        accepted pieces received against the line so far
 * @param cancelled       the rest of the line (ordered − received) will not come
 */
public record PurchaseOrderLine(int lineNo, String partNumber, String name, int ordered, Money unitPrice, Integer confirmed,
                                int backOrdered, LocalDate expectedArrival, int received, boolean cancelled, String cancelReason) {

    static PurchaseOrderLine of(int lineNo, String partNumber, String name, int ordered, Money unitPrice) {
        return new PurchaseOrderLine(lineNo, partNumber, name, ordered, unitPrice, null, 0, null, 0, false, null);
    }

    /** Still to come: nothing once cancelled or received in full. */
    public int outstanding() {
        return cancelled ? 0 : Math.max(0, ordered - received);
    }

    PurchaseOrderLine confirmed(int quantity, LocalDate arrival) {
        return new PurchaseOrderLine(lineNo, partNumber, name, ordered, unitPrice, quantity, Math.max(0, ordered - quantity), arrival,
                received, cancelled, cancelReason);
    }

    PurchaseOrderLine receivedMore(int quantity) {
        int total = received + quantity;
        int stillBackOrdered = confirmed == null ? 0 : Math.max(0, Math.min(backOrdered, ordered - Math.max(total, confirmed)));
        return new PurchaseOrderLine(lineNo, partNumber, name, ordered, unitPrice, confirmed, stillBackOrdered, expectedArrival, total,
                cancelled, cancelReason);
    }

    PurchaseOrderLine cancelledBecause(String reason) {
        return new PurchaseOrderLine(lineNo, partNumber, name, ordered, unitPrice, confirmed, 0, expectedArrival, received, true, reason);
    }
}
