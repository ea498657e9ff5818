package dev.forecourt.workshop.parts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.parts.PartsClient.ReservationRequest;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;

/**
 * Reserves an order's pending parts lines. The order is saved before parts-service is called, so
 * an outage never loses an order; the answers are applied afterwards to the then-current order.
 */
@Service
public class PartsReserver {

    private final RepairOrders orders;
    private final PartsReservations reservations;
    private final Clock clock;

    PartsReserver(RepairOrders orders, PartsReservations reservations, Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.clock = clock;
    }

    /** Tries each pending line once (with the retries of {@link PartsReservations}); returns the order afterwards. */
    public RepairOrder reservePending(String repairOrderId) {
        RepairOrder order = orders.get(repairOrderId);
        if (order.getStatus().isFinal() || order.pendingPartsLines().isEmpty()) {
            return order;
        }
        Map<String, ReservationOutcome> outcomes = new LinkedHashMap<>();
        for (PartsLine line : order.pendingPartsLines()) {
            ReservationOutcome outcome = reservations.reserve(
                    new ReservationRequest(order.getId(), line.getId(), line.getPartNumber(), line.getQuantity()));
            if (outcome instanceof ReservationOutcome.Unavailable) {
                break;
            }
            outcomes.put(line.getId(), outcome);
        }
        if (outcomes.isEmpty()) {
            return order;
        }
        return orders.change(repairOrderId, ExpectedVersion.ANY,
                current -> outcomes.forEach((lineId, outcome) -> apply(current, lineId, outcome)));
    }

    /**
     * The request thread and {@link PendingPartsJob} may both ask about the same line at once: parts-service
     * holds one reservation per (order, line), so they get the same answer, or a refusal and then a
     * reservation when stock came in between. The first answer applied wins, except that a reservation
     * also reaches a line whose refusal was applied first: parts-service never turns a reservation back
     * into a refusal, so it holds the stock for the line and the line must not wait for goods.
     * A line that has its answer raises no second {@code parts-line-added}.
     */
    private void apply(RepairOrder order, String lineId, ReservationOutcome outcome) {
        PartsLine line = order.line(lineId);
        if (outcome instanceof ReservationOutcome.Reserved reserved) {
            if (line.takesReservation()) {
                order.partsReserved(lineId, reserved.reservationId(), reserved.unitPrice(), clock.instant());
            }
        } else if (!line.awaitsAnswer()) {
            return;
        } else if (outcome instanceof ReservationOutcome.Insufficient insufficient) {
            order.partsInsufficient(lineId, insufficient.available(), insufficient.unitPrice(), clock.instant());
        } else if (outcome instanceof ReservationOutcome.Rejected rejected) {
            order.partsRejected(lineId, rejected.reason());
        }
    }
}
