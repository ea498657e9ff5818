package dev.forecourt.parts.stock;

/** The paper a movement is booked against: no movement without a document (no 白条). */
public enum DocumentType {
    REPAIR_ORDER, COUNTER_SALE, GOODS_RECEIPT, STOCKTAKE, SUPPLIER_RETURN
}
