package dev.forecourt.parts.waiting;

import java.time.Instant;

/**
 * A parts line of an open repair order that could not be reserved (its reservation was refused for
 * lack of stock) and is still on the order: it waits for goods.
 *
 * @param reservationId the line's reservation (refused so far; the same id once it holds stock)
 * @param promisedAt    when the workshop promised the car back (null: no promise, served after those with one)
 * @param addedAt       when the line was added to the order (ties of the promised time)
 */
public record WaitingLine(String reservationId, String repairOrderId, String orderNumber, String lineId, String partNumber, int quantity,
                          Instant promisedAt, Instant addedAt) {
}
