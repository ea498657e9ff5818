package dev.forecourt.parts.receiving;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** POSTING while the lines are being booked on the stock cards; POSTED once all are. */
public enum ReceiptStatus implements Lifecycle<ReceiptStatus> {
    POSTING, POSTED;

    @Override
    public Set<ReceiptStatus> next() {
        return switch (this) {
            case POSTING -> EnumSet.of(POSTED);
            case POSTED -> EnumSet.noneOf(ReceiptStatus.class);
        };
    }
}
