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
import dev.forecourt.workshop.repairorder.ReservationStatus;

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

    private void apply(RepairOrder order, String lineId, ReservationOutcome outcome) {
        boolean stillPending = order.pendingPartsLines().stream().anyMatch(l -> l.getId().equals(lineId)
                && l.getReservation() == ReservationStatus.PENDING);
        if (!stillPending) {
            return;
        }
        if (outcome instanceof ReservationOutcome.Reserved reserved) {
            order.partsReserved(lineId, reserved.reservationId(), reserved.unitPrice(), clock.instant());
        } else if (outcome instanceof ReservationOutcome.Insufficient insufficient) {
            order.partsInsufficient(lineId, insufficient.available(), insufficient.unitPrice(), clock.instant());
        } else if (outcome instanceof ReservationOutcome.Rejected rejected) {
            order.partsRejected(lineId, rejected.reason());
        }
    }
}
