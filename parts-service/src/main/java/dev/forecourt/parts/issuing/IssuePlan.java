package dev.forecourt.parts.issuing;

import dev.forecourt.parts.stock.HeldReservation;

/**
 * How an issue is covered: first from the repair-order line's reservation, the rest from free
 * (available) stock.
 *
 * @param fromReservation  taken out of the held reservation
 * @param fromAvailable    taken from stock nobody reserved
 * @param consumesReservation whether the reservation is used up and leaves the card
 */
record IssuePlan(int fromReservation, int fromAvailable, boolean consumesReservation) {

    static IssuePlan cover(int quantity, HeldReservation held) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("An issue needs a positive quantity");
        }
        int reserved = held == null ? 0 : held.quantity();
        int fromReservation = Math.min(reserved, quantity);
        return new IssuePlan(fromReservation, quantity - fromReservation, held != null && fromReservation == reserved);
    }
}
