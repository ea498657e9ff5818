package dev.forecourt.workshop.parts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.forecourt.workshop.parts.PartsClient.ReservationRequest;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.ReservationStatus;

/**
 * Reserves an order's pending parts lines. The order is saved before parts-service is called, so
 * an outage never loses an order; the answers are applied afterwards to the then-current order.
 */
@Service
public class PartsReserver {

    private final RepairOrders orders;
    private final PartsReservations reservations;

    PartsReserver(RepairOrders orders, PartsReservations reservations) {
        this.orders = orders;
        this.reservations = reservations;
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
        return orders.change(repairOrderId, current -> outcomes.forEach((lineId, outcome) -> apply(current, lineId, outcome)));
    }

    private static void apply(RepairOrder order, String lineId, ReservationOutcome outcome) {
        boolean stillPending = order.pendingPartsLines().stream().anyMatch(l -> l.getId().equals(lineId)
                && l.getReservation() == ReservationStatus.PENDING);
        if (!stillPending) {
            return;
        }
        if (outcome instanceof ReservationOutcome.Reserved reserved) {
            order.partsReserved(lineId, reserved.reservationId());
        } else if (outcome instanceof ReservationOutcome.Insufficient insufficient) {
            order.partsInsufficient(lineId, insufficient.available());
        } else if (outcome instanceof ReservationOutcome.Rejected rejected) {
            order.partsRejected(lineId, rejected.reason());
        }
    }
}
