package dev.forecourt.workshop.repairorder;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * PENDING: not reserved yet (parts-service unreachable); retried automatically. RESERVED: held by
 * parts-service until issued. INSUFFICIENT: parts-service has too little stock (the parts team
 * orders it; the line waits and is reserved by parts-service when the goods arrive). REJECTED:
 * parts-service refused the request itself (e.g. an unknown part number):
 * retrying cannot help, the advisor removes the line. RELEASED: parts-service gave the reserved
 * stock back (the line was removed, the order cancelled, or the storekeeper released the rest).
 */
public enum ReservationStatus implements Lifecycle<ReservationStatus> {
    PENDING, RESERVED, INSUFFICIENT, REJECTED, RELEASED;

    @Override
    public Set<ReservationStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(RESERVED, INSUFFICIENT, REJECTED, RELEASED);
            case RESERVED -> EnumSet.of(RELEASED);
            // a waiting line is reserved when the goods it waits for arrive
            case INSUFFICIENT -> EnumSet.of(RESERVED, RELEASED);
            case REJECTED, RELEASED -> EnumSet.noneOf(ReservationStatus.class);
        };
    }
}
