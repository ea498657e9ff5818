package dev.forecourt.workshop.repairorder;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * OPEN: received, estimate not yet approved. IN_WORK: the customer approved, jobs are being done.
 * QC_PASSED: every job passed the quality check (the bill is issued); work added afterwards sends it
 * back to IN_WORK. HANDED_OVER and CANCELLED are final.
 */
public enum RepairOrderStatus implements Lifecycle<RepairOrderStatus> {
    OPEN, IN_WORK, QC_PASSED, HANDED_OVER, CANCELLED;

    @Override
    public Set<RepairOrderStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_WORK, CANCELLED);
            case IN_WORK -> EnumSet.of(QC_PASSED, CANCELLED);
            case QC_PASSED -> EnumSet.of(IN_WORK, HANDED_OVER, CANCELLED);
            case HANDED_OVER, CANCELLED -> EnumSet.noneOf(RepairOrderStatus.class);
        };
    }
}
