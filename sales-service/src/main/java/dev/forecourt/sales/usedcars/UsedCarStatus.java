package dev.forecourt.sales.usedcars;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** Appraised, then bought for cash or taken in trade against a new-car order, then resold. */
public enum UsedCarStatus implements Lifecycle<UsedCarStatus> {
    APPRAISED, PURCHASED, TRADED_IN, RESOLD;

    @Override
    public Set<UsedCarStatus> next() {
        return switch (this) {
            case APPRAISED -> EnumSet.of(PURCHASED, TRADED_IN);
            case PURCHASED, TRADED_IN -> EnumSet.of(RESOLD);
            case RESOLD -> EnumSet.noneOf(UsedCarStatus.class);
        };
    }
}
