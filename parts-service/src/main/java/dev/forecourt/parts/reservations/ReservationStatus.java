package dev.forecourt.parts.reservations;

/** PENDING while the stock card is being changed; REFUSED when stock was short (a retry may still succeed). */
public enum ReservationStatus {
    PENDING, ACTIVE, REFUSED, RELEASED, CONSUMED
}
