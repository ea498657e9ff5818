package dev.forecourt.parts.waiting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A waiting repair-order line as answered by the API.
 *
 * @param coveredBy           STOCK (enough is available now), PURCHASE_ORDER (an order's pieces reach it) or NOTHING
 * @param purchaseOrderNumber the order that covers the line (null unless covered by one)
 * @param expectedArrival     that order line's confirmed arrival date (null while unconfirmed or uncovered)
 */
public record WaitingLineView(String reservationId, String repairOrderId, String orderNumber, String lineId, String partNumber,
                              int quantity, Instant promisedAt, Instant addedAt, String coveredBy, String purchaseOrderNumber,
                              LocalDate expectedArrival) {

    static WaitingLineView of(WaitingLinePolicy.Cover cover) {
        WaitingLine l = cover.line();
        String coveredBy = cover instanceof WaitingLinePolicy.FromStock ? "STOCK"
                : cover instanceof WaitingLinePolicy.ByOrder ? "PURCHASE_ORDER" : "NOTHING";
        String number = cover instanceof WaitingLinePolicy.ByOrder b ? b.supply().purchaseOrderNumber() : null;
        return new WaitingLineView(l.reservationId(), l.repairOrderId(), l.orderNumber(), l.lineId(), l.partNumber(), l.quantity(),
                l.promisedAt(), l.addedAt(), coveredBy, number, WaitingLines.arrivalOf(cover));
    }
}
