package dev.forecourt.sales.orders;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * A sales contract (合同): drafted, confirmed (VIN reserved), paid in full (vehicle sold), delivered
 * (交车). Until delivery it may be cancelled; what was paid is then refunded.
 */
public enum SalesOrderStatus implements Lifecycle<SalesOrderStatus> {
    DRAFT, CONFIRMED, PAID, DELIVERED, CANCELLED;

    @Override
    public Set<SalesOrderStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(DELIVERED, CANCELLED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(SalesOrderStatus.class);
        };
    }

    /** Money may be taken (deposit, instalments, a trade-in credit) until the order is paid in full. */
    public boolean takesMoney() {
        return this == DRAFT || this == CONFIRMED;
    }
}
