package dev.forecourt.parts.reservations;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;

/**
 * The record of a repair-order line's reservation. Its id is unique per line (see
 * {@link ReservationIds}); the quantity actually held lives on the part's stock card, which is the
 * authority — this record follows it.
 */
@Document("reservations")
public record Reservation(@Id String id, String storeId, @Indexed String repairOrderId, String lineId, String partNumber, int quantity,
                          ReservationStatus status, Instant requestedAt, Actor requestedBy,
                          Instant closedAt, Actor closedBy, String closeReason) {

    static Reservation pending(String storeId, ReservationRequest request, Actor by, Instant at) {
        return new Reservation(ReservationIds.of(request.repairOrderId(), request.lineId()), storeId, request.repairOrderId(),
                request.lineId(), request.partNumber(), request.quantity(), ReservationStatus.PENDING, at, by, null, null, null);
    }
}
