package dev.forecourt.crm.complaint;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * OPEN until resolved; RESOLVED until the second callback verifies it (CLOSED) or the customer
 * rejects the resolution (OPEN again); staff may close a resolved complaint without verification.
 */
public enum ComplaintStatus implements Lifecycle<ComplaintStatus> {
    OPEN, RESOLVED, CLOSED;

    @Override
    public Set<ComplaintStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, OPEN);
            case CLOSED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }
}
