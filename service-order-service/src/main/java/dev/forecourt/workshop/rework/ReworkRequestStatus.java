package dev.forecourt.workshop.rework;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** OPEN until the service manager turns it into a rework order (REWORK_ORDER_OPENED) or closes it with a reason (CLOSED). */
public enum ReworkRequestStatus implements Lifecycle<ReworkRequestStatus> {
    OPEN, REWORK_ORDER_OPENED, CLOSED;

    @Override
    public Set<ReworkRequestStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(REWORK_ORDER_OPENED, CLOSED);
            case REWORK_ORDER_OPENED, CLOSED -> EnumSet.noneOf(ReworkRequestStatus.class);
        };
    }
}
