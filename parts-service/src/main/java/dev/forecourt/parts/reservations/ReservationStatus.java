package dev.forecourt.parts.reservations;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * PENDING while the stock card is being changed; REFUSED when stock was short (a retry may still
 * succeed); ACTIVE while it holds stock; RELEASED (given back) or CONSUMED (issued) at its end.
 */
public enum ReservationStatus implements Lifecycle<ReservationStatus> {
    PENDING, ACTIVE, REFUSED, RELEASED, CONSUMED;

    @Override
    public Set<ReservationStatus> next() {
        return switch (this) {
            // a record may lag behind its card after a crash: then it is closed straight from PENDING/REFUSED
            case PENDING, REFUSED -> EnumSet.of(ACTIVE, REFUSED, RELEASED, CONSUMED);
            case ACTIVE -> EnumSet.of(ACTIVE, RELEASED, CONSUMED);
            case RELEASED, CONSUMED -> EnumSet.noneOf(ReservationStatus.class);
        };
    }
}
