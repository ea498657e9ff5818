package dev.forecourt.parts.purchasing;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * DRAFT (the planner edits) → AWAITING_APPROVAL (above the approval value) → APPROVED → SENT →
 * CONFIRMED (quantities and arrival dates, back orders) → CLOSED (every line received or cancelled);
 * an order not yet sent may be CANCELLED.
 */
public enum PurchaseOrderStatus implements Lifecycle<PurchaseOrderStatus> {
    DRAFT, AWAITING_APPROVAL, APPROVED, SENT, CONFIRMED, CLOSED, CANCELLED;

    @Override
    public Set<PurchaseOrderStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(AWAITING_APPROVAL, APPROVED, CANCELLED);
            case AWAITING_APPROVAL -> EnumSet.of(APPROVED, DRAFT, CANCELLED);
            case APPROVED -> EnumSet.of(SENT, CANCELLED);
            case SENT -> EnumSet.of(CONFIRMED, CLOSED);
            case CONFIRMED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(PurchaseOrderStatus.class);
        };
    }

    /** Goods may be received against the order. */
    public boolean isReceiving() {
        return this == SENT || this == CONFIRMED;
    }
}
