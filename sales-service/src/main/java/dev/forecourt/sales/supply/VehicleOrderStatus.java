package dev.forecourt.sales.supply;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * A vehicle order's way to the carmaker: drafted, approved by the sales manager, allocated by the
 * OEM when sent (a VIN per car), dispatched once every allocated car has left the factory; an order
 * not yet sent may be cancelled.
 */
public enum VehicleOrderStatus implements Lifecycle<VehicleOrderStatus> {
    DRAFT, APPROVED, ALLOCATED, DISPATCHED, CANCELLED;

    @Override
    public Set<VehicleOrderStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(ALLOCATED, CANCELLED);
            case ALLOCATED -> EnumSet.of(DISPATCHED);
            case DISPATCHED, CANCELLED -> EnumSet.noneOf(VehicleOrderStatus.class);
        };
    }

    /** Allocated cars exist: a payment request may be raised for them. */
    public boolean allocated() {
        return this == ALLOCATED || this == DISPATCHED;
    }
}
