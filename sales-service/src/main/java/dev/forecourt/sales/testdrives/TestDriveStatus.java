package dev.forecourt.sales.testdrives;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** A booked test drive is driven (completed with feedback) or cancelled. */
public enum TestDriveStatus implements Lifecycle<TestDriveStatus> {
    BOOKED, COMPLETED, CANCELLED;

    @Override
    public Set<TestDriveStatus> next() {
        return switch (this) {
            case BOOKED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(TestDriveStatus.class);
        };
    }
}
