package dev.forecourt.parts.stock;

/** Kinds of entries on a part's stock card. */
public enum MovementType {
    /** Accepted goods put on the shelf. */
    RECEIPT,
    /** Goods handed out against a repair order or counter sale. */
    ISSUE,
    /** Issued goods that came back unused from a repair order. */
    ISSUE_RETURN,
    /** Goods set aside for a repair-order line: on hand unchanged, reserved up. */
    RESERVATION,
    /** A reservation given back (released, its line removed, its order cancelled or handed over). */
    RESERVATION_RELEASE,
    /** A stocktake variance booked after the manager's approval. */
    ADJUSTMENT,
    /** Defective goods taken off the shelf to go back to the supplier. */
    SUPPLIER_RETURN
}
