package dev.forecourt.parts.countersales;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** OPEN (priced, awaiting payment) → PAID (in full) → COMPLETED (every line issued); an unpaid sale may be CANCELLED. */
public enum CounterSaleStatus implements Lifecycle<CounterSaleStatus> {
    OPEN, PAID, COMPLETED, CANCELLED;

    @Override
    public Set<CounterSaleStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CounterSaleStatus.class);
        };
    }
}
