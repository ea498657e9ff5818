package dev.forecourt.parts.reservations;

import java.time.Instant;

import dev.forecourt.parts.stock.HeldReservation;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/**
 * A reservation as answered by the API.
 *
 * @param outstanding what the reservation still holds on the stock card (less than {@code quantity}
 *                    after a partial issue, 0 once closed)
 * @param unitPrice   the part's catalogue retail price now: the workshop prices the repair-order line with it
 */
public record ReservationView(String reservationId, String repairOrderId, String lineId, String partNumber, int quantity,
                              int outstanding, ReservationStatus status, Instant requestedAt, Actor requestedBy,
                              Instant closedAt, Actor closedBy, String closeReason, Money unitPrice) {

    static ReservationView of(Reservation r, HeldReservation held, Money unitPrice) {
        ReservationStatus status = held != null ? ReservationStatus.ACTIVE : r.status();
        return new ReservationView(r.id(), r.repairOrderId(), r.lineId(), r.partNumber(), r.quantity(),
                held == null ? 0 : held.quantity(), status, r.requestedAt(), r.requestedBy(), r.closedAt(), r.closedBy(), r.closeReason(),
                unitPrice);
    }
}
