package dev.forecourt.workshop.repairorder;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * PROPOSED until the customer approves it (also extra work found during repair); DECLINED if they
 * do not. APPROVED → DISPATCHED → IN_PROGRESS ⇄ PAUSED → FINISHED; a failed quality check sends a
 * finished job back as RETURNED, to be dispatched again. A job whose technician left is dispatched
 * again from wherever it stood (DISPATCHED, IN_PROGRESS, PAUSED → DISPATCHED).
 */
public enum JobStatus implements Lifecycle<JobStatus> {
    PROPOSED, APPROVED, DECLINED, DISPATCHED, IN_PROGRESS, PAUSED, FINISHED, RETURNED;

    @Override
    public Set<JobStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, DECLINED);
            case APPROVED, RETURNED -> EnumSet.of(DISPATCHED);
            case DISPATCHED -> EnumSet.of(IN_PROGRESS, DISPATCHED);
            case IN_PROGRESS -> EnumSet.of(PAUSED, FINISHED, DISPATCHED);
            case PAUSED -> EnumSet.of(IN_PROGRESS, DISPATCHED);
            case FINISHED -> EnumSet.of(RETURNED);
            case DECLINED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    /** Declined jobs are neither done nor billed. */
    public boolean counts() {
        return this != DECLINED;
    }

    /** The job holds a technician and a bay. */
    public boolean occupiesWorkshop() {
        return this == DISPATCHED || this == IN_PROGRESS || this == PAUSED;
    }
}
