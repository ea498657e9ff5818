package dev.forecourt.workshop.parts;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;

/**
 * What parts-service did with an order's parts: pieces issued against it, pieces returned to the
 * store, reservations released. Each movement is counted once on its line (a redelivered event
 * changes nothing), so the line shows issued and returned quantities and the handover can tell
 * whether any reserved part is still open.
 */
@Component
class PartsMovements {

    private static final Logger log = LoggerFactory.getLogger(PartsMovements.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartsIssued(String issueId, String partNumber, int quantity, String documentType, String documentId,
                       String orderNumber, String lineId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartsReturned(String returnId, String partNumber, int quantity, String repairOrderId, String orderNumber, String lineId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationReleased(String reservationId, String repairOrderId, String lineId, String partNumber, int quantity,
                               String reason) {
    }

    private final RepairOrders orders;
    private final Clock clock;

    PartsMovements(RepairOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @HandlesEvent("forecourt.parts.parts-issued.v1")
    void issued(PartsIssued issue) {
        if (!"REPAIR_ORDER".equals(issue.documentType())) {
            return;
        }
        lineOf(issue.documentId(), issue.orderNumber(), issue.lineId(), issue.partNumber()).ifPresent(found ->
                orders.change(found.order().getId(), ExpectedVersion.ANY,
                        o -> o.partsIssued(found.lineId(), issue.issueId(), issue.quantity(), clock.instant())));
    }

    @HandlesEvent("forecourt.parts.parts-returned.v1")
    void returned(PartsReturned back) {
        lineOf(back.repairOrderId(), back.orderNumber(), back.lineId(), back.partNumber()).ifPresent(found ->
                orders.change(found.order().getId(), ExpectedVersion.ANY,
                        o -> o.partsReturned(found.lineId(), back.returnId(), back.quantity(), clock.instant())));
    }

    @HandlesEvent("forecourt.parts.reservation-released.v1")
    void released(ReservationReleased released) {
        lineOf(released.repairOrderId(), null, released.lineId(), released.partNumber()).ifPresent(found ->
                orders.change(found.order().getId(), ExpectedVersion.ANY, o -> o.reservationReleased(found.lineId())));
    }

    private record Found(RepairOrder order, String lineId) {
    }

    /** The order by id (or number) and the line by id (or, lacking one, the first open line of that part). */
    private Optional<Found> lineOf(String repairOrderId, String orderNumber, String lineId, String partNumber) {
        Optional<RepairOrder> order = repairOrderId == null ? Optional.empty() : orders.find(repairOrderId);
        if (order.isEmpty() && orderNumber != null) {
            order = orders.findByNumber(orderNumber);
        }
        if (order.isEmpty()) {
            log.info("Parts movement for unknown repair order {} / {} ignored", repairOrderId, orderNumber);
            return Optional.empty();
        }
        RepairOrder o = order.get();
        if (lineId != null && o.hasLine(lineId)) {
            return Optional.of(new Found(o, lineId));
        }
        Optional<String> byPart = o.getPartsLines().stream()
                .filter(l -> !l.isRemoved() && l.getPartNumber().equals(partNumber)).filter(PartsLine::isOpen)
                .map(PartsLine::getId).findFirst();
        if (byPart.isEmpty()) {
            log.info("Parts movement of {} on {} matches no line; ignored", partNumber, o.getOrderNumber());
        }
        return byPart.map(id -> new Found(o, id));
    }
}
