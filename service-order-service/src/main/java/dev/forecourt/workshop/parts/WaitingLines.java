package dev.forecourt.workshop.parts;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.repairorder.RepairOrders;

/**
 * Parts lines waiting for goods (INSUFFICIENT): parts-service tells the workshop which purchase order
 * covers a line and when it arrives (the order shows the date), and reserves the line when the goods
 * arrive (the line becomes RESERVED with that reservation; the order and the board show "parts
 * arrived" until the storekeeper issues them). Both are idempotent (a redelivery changes nothing) and
 * safe out of order: an older confirmation never replaces a newer one, a confirmation after the
 * arrival changes nothing, and an arrival before the workshop applied the line's refusal is kept
 * and applied with it.
 */
@Component
class WaitingLines {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitingLineExpected(String repairOrderId, String lineId, String partNumber, Integer quantity,
                               String purchaseOrderNumber, LocalDate expectedArrival, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitingLineReserved(String reservationId, String repairOrderId, String lineId, String partNumber, Integer quantity,
                               String purchaseOrderNumber, String goodsReceiptId, Instant reservedAt) {
    }

    private final RepairOrders orders;

    WaitingLines(RepairOrders orders) {
        this.orders = orders;
    }

    @HandlesEvent("forecourt.parts.waiting-line-expected.v1")
    void expected(WaitingLineExpected e) {
        orders.find(e.repairOrderId()).filter(o -> o.hasLine(e.lineId())).ifPresent(o ->
                orders.change(o.getId(), ExpectedVersion.ANY, order -> order.partsExpected(e.lineId(), e.purchaseOrderNumber(),
                        e.expectedArrival(), e.at())));
    }

    @HandlesEvent("forecourt.parts.waiting-line-reserved.v1")
    void reserved(WaitingLineReserved e) {
        orders.find(e.repairOrderId()).filter(o -> o.hasLine(e.lineId())).ifPresent(o ->
                orders.change(o.getId(), ExpectedVersion.ANY, order -> order.waitingPartsArrived(e.lineId(), e.reservationId(),
                        e.purchaseOrderNumber(), e.reservedAt())));
    }
}
