package dev.forecourt.parts.stock;

/** Kinds of entries on a part's stock card. */
public enum MovementType {
    /** Accepted goods put on the shelf. */
    RECEIPT,
    /** Goods handed out against a repair order or counter sale. */
    ISSUE,
    /** Goods set aside for a repair-order line: on hand unchanged, reserved up. */
    RESERVATION,
    /** A reservation given back (released or its order cancelled). */
    RESERVATION_RELEASE,
    /** A stocktake variance booked after the manager's approval. */
    ADJUSTMENT,
    /** Defective goods taken off the shelf to go back to the supplier. */
    SUPPLIER_RETURN
}
