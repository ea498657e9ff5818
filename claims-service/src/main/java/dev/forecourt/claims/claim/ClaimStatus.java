package dev.forecourt.claims.claim;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * Where a claim stands, with the steps each status may take. Within one submission round the
 * OEM's answers only move forward: a status the table does not allow from the current one is old
 * news (webhooks may arrive out of order) and never moves the claim backwards. SUBMISSION_REFUSED,
 * NEEDS_INFO and REJECTED go back to the OEM as a new round after a correction.
 */
public enum ClaimStatus implements Lifecycle<ClaimStatus> {
    DRAFT,
    /** Queued for the OEM: the OEM was unreachable or has not confirmed receipt yet. */
    SUBMISSION_PENDING,
    /** The OEM refused to take the claim as sent (a 4xx with its reason): not retried; corrected and submitted again. */
    SUBMISSION_REFUSED,
    SUBMITTED,
    ACCEPTED,
    NEEDS_INFO,
    REJECTED,
    APPROVED,
    PAID;

    private static final Set<ClaimStatus> OEM_ANSWERS = EnumSet.of(SUBMITTED, ACCEPTED, NEEDS_INFO, REJECTED, APPROVED, PAID);

    @Override
    public Set<ClaimStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMISSION_PENDING);
            case SUBMISSION_PENDING -> EnumSet.of(SUBMITTED, SUBMISSION_REFUSED);
            case SUBMISSION_REFUSED -> EnumSet.of(SUBMISSION_PENDING);
            case SUBMITTED -> EnumSet.of(ACCEPTED, NEEDS_INFO, REJECTED, APPROVED, PAID);
            case ACCEPTED -> EnumSet.of(NEEDS_INFO, REJECTED, APPROVED, PAID);
            case NEEDS_INFO, REJECTED -> EnumSet.of(SUBMISSION_PENDING, APPROVED, PAID);
            case APPROVED -> EnumSet.of(PAID);
            case PAID -> EnumSet.noneOf(ClaimStatus.class);
        };
    }

    /** The administrator may change the claim's content and send it (again). */
    public boolean isCorrectable() {
        return this == DRAFT || this == SUBMISSION_REFUSED || this == NEEDS_INFO || this == REJECTED;
    }

    /** A status the OEM may report for a claim it has. */
    public boolean isOemAnswer() {
        return OEM_ANSWERS.contains(this);
    }
}
