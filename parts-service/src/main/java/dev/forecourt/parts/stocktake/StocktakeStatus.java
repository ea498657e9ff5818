package dev.forecourt.parts.stocktake;

/** COUNTING → SUBMITTED (all counted) → APPROVING (manager approved, variances being booked) → APPROVED. */
public enum StocktakeStatus {
    COUNTING, SUBMITTED, APPROVING, APPROVED
}
