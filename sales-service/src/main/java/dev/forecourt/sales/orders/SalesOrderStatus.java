package dev.forecourt.sales.orders;

/** A sales contract (合同): drafted, confirmed (VIN reserved), paid in full (vehicle sold), delivered (交车). */
public enum SalesOrderStatus {
    DRAFT, CONFIRMED, PAID, DELIVERED, CANCELLED
}
