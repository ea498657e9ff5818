package dev.forecourt.parts.stocktake;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * COUNTING → SUBMITTED (all counted) → APPROVING (manager approved, variances being booked) →
 * APPROVED; a submitted stocktake may go back to COUNTING (recount), an approval that could not book
 * a line goes back to SUBMITTED.
 */
public enum StocktakeStatus implements Lifecycle<StocktakeStatus> {
    COUNTING, SUBMITTED, APPROVING, APPROVED;

    @Override
    public Set<StocktakeStatus> next() {
        return switch (this) {
            case COUNTING -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(COUNTING, APPROVING);
            case APPROVING -> EnumSet.of(APPROVED, SUBMITTED);
            case APPROVED -> EnumSet.noneOf(StocktakeStatus.class);
        };
    }
}
