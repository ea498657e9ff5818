package dev.forecourt.parts.stock;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/v1/parts/{partNumber}/stock} answers. */
public record StockLevel(String partNumber, int onHand, int reserved, int available, int reorderPoint,
                         boolean belowReorderPoint, Instant lastMovementAt, List<HeldReservation> reservations) {
}
