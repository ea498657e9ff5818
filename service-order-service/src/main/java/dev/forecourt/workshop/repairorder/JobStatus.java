package dev.forecourt.workshop.repairorder;

/**
 * PROPOSED until the customer approves it (also extra work found during repair); DECLINED if they
 * do not. APPROVED → DISPATCHED → IN_PROGRESS ⇄ PAUSED → FINISHED; a failed quality check sends a
 * finished job back as RETURNED, to be dispatched again.
 */
public enum JobStatus {
    PROPOSED, APPROVED, DECLINED, DISPATCHED, IN_PROGRESS, PAUSED, FINISHED, RETURNED;

    public boolean counts() {
        return this != DECLINED;
    }
}
