package dev.forecourt.workshop.repairorder;

/**
 * OPEN: received, estimate not yet approved. IN_WORK: the customer approved, jobs are being done.
 * QC_PASSED: every job passed the quality check. HANDED_OVER and CANCELLED are final.
 */
public enum RepairOrderStatus {
    OPEN, IN_WORK, QC_PASSED, HANDED_OVER, CANCELLED;

    public boolean isFinal() {
        return this == HANDED_OVER || this == CANCELLED;
    }
}
