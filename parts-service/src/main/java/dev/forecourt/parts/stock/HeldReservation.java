package dev.forecourt.parts.stock;

import java.time.Instant;

/** A reservation still holding stock, kept on the card so that reserving and issuing are one atomic update. */
public record HeldReservation(String reservationId, String repairOrderId, String lineId, int quantity, Instant reservedAt) {
}
