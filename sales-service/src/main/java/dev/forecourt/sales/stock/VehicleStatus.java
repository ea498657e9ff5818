package dev.forecourt.sales.stock;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Where a vehicle is in its life at the store. The allowed moves are kept here once, so that the
 * domain object and the atomic updates in {@link VehicleReservations} agree.
 */
public enum VehicleStatus {
    IN_TRANSIT, IN_STOCK, RESERVED, SOLD, DELIVERED;

    public Set<VehicleStatus> next() {
        return switch (this) {
            case IN_TRANSIT -> Set.of(IN_STOCK);
            case IN_STOCK -> Set.of(RESERVED);
            // Cancelling an order puts a reserved (or paid, then refunded) vehicle back into stock.
            case RESERVED -> Set.of(SOLD, IN_STOCK);
            case SOLD -> Set.of(DELIVERED, IN_STOCK);
            case DELIVERED -> Set.of();
        };
    }

    public boolean canMoveTo(VehicleStatus target) {
        return next().contains(target);
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
