package dev.forecourt.parts.repairorders;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** OPEN until the workshop hands the car over or cancels the order; parts are issued only against OPEN orders. */
public enum RepairOrderStatus implements Lifecycle<RepairOrderStatus> {
    OPEN, HANDED_OVER, CANCELLED;

    @Override
    public Set<RepairOrderStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(HANDED_OVER, CANCELLED);
            case HANDED_OVER, CANCELLED -> EnumSet.noneOf(RepairOrderStatus.class);
        };
    }
}
