package dev.forecourt.parts.purchasing;

import java.time.LocalDate;
import java.util.List;

/**
 * The OEM parts centre's ordering system, as purchasing needs it: an order goes in, the answer
 * confirms per line what ships now (the rest is back-ordered) and when it arrives. Implemented
 * over HTTP by {@link OemPartsCentreClient}.
 */
public interface OemPartsOrdering {

    record OrderLine(int lineNo, String partNumber, int quantity) {
    }

    record ConfirmedLine(int lineNo, int confirmedQuantity, int backOrderedQuantity, LocalDate expectedArrival) {
    }

    record Confirmation(String oemOrderId, List<ConfirmedLine> lines) {
    }

    /** Thrown when the parts centre cannot be reached or refuses the order: nothing is marked sent. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Idempotent per order number at the parts centre: sending the same order again answers the first confirmation. */
    Confirmation place(String dealerCode, String orderNumber, List<OrderLine> lines);
}
