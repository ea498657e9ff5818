package dev.forecourt.sales.stock;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * Where a vehicle is in its life at the store. The allowed moves are kept here once, so that the
 * domain object and the atomic updates in {@link VehicleReservations} agree.
 */
public enum VehicleStatus implements Lifecycle<VehicleStatus> {
    IN_TRANSIT, IN_STOCK, RESERVED, SOLD, DELIVERED;

    @Override
    public Set<VehicleStatus> next() {
        return switch (this) {
            case IN_TRANSIT -> EnumSet.of(IN_STOCK);
            case IN_STOCK -> EnumSet.of(RESERVED);
            // Cancelling an order puts a reserved (or paid, then refunded) vehicle back into stock.
            case RESERVED -> EnumSet.of(SOLD, IN_STOCK);
            case SOLD -> EnumSet.of(DELIVERED, IN_STOCK);
            case DELIVERED -> EnumSet.noneOf(VehicleStatus.class);
        };
    }

    public boolean canMoveTo(VehicleStatus target) {
        return mayBecome(target);
    }

    /** The statuses from which a vehicle may move to {@code target}. */
    public static List<VehicleStatus> predecessorsOf(VehicleStatus target) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(target)).toList();
    }

    /** The vehicle is physically at the store (counted in stock counts). */
    public boolean onHand() {
        return this == IN_STOCK || this == RESERVED || this == SOLD;
    }
}
