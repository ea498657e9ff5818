package dev.forecourt.parts.waiting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Pieces of a part still to come on one purchase-order line.
 *
 * @param expectedArrival the supplier's confirmed arrival date (null until confirmed)
 */
public record Supply(String purchaseOrderId, String purchaseOrderNumber, int lineNo, String partNumber, int outstanding,
                     LocalDate expectedArrival, Instant draftedAt) {
}
