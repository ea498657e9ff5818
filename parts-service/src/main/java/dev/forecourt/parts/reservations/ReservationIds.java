package dev.forecourt.parts.reservations;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A reservation's id is derived from its repair-order line, so the same line always names the same
 * reservation: that makes a retried reserve call idempotent, and the id is safe in URLs and as a
 * key inside the stock card.
 */
public final class ReservationIds {

    private ReservationIds() {
    }

    public static String of(String repairOrderId, String lineId) {
        return "rsv-" + UUID.nameUUIDFromBytes((repairOrderId + "\n" + lineId).getBytes(StandardCharsets.UTF_8));
    }
}
