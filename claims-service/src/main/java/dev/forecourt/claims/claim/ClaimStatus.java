package dev.forecourt.claims.claim;

/**
 * Where a claim stands. The rank orders the statuses of one submission round: an OEM status
 * whose rank is not above the claim's current one is old news (webhooks may arrive out of order)
 * and never moves the claim backwards.
 */
public enum ClaimStatus {
    DRAFT(0),
    /** Queued for the OEM: the OEM was unreachable or has not confirmed receipt yet. */
    SUBMISSION_PENDING(1),
    SUBMITTED(2),
    ACCEPTED(3),
    NEEDS_INFO(4),
    REJECTED(4),
    APPROVED(5),
    PAID(6);

    private final int rank;

    ClaimStatus(int rank) {
        this.rank = rank;
    }

    public boolean isAfter(ClaimStatus other) {
        return rank > other.rank;
    }

    /** The administrator may change the claim's content and send it (again). */
    public boolean isCorrectable() {
        return this == DRAFT || this == NEEDS_INFO || this == REJECTED;
    }
}
