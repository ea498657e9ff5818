package dev.forecourt.sales.delivery;

/** Why a delivery appointment was cancelled: the reason is the words, this is what a report can count. */
public enum CancellationCause {
    /** Someone cancelled the appointment itself (the customer moved away, the car is not ready, …). */
    BY_HAND,
    /** Its sales order was cancelled: there is no car to hand over any more. */
    SALES_ORDER_CANCELLED,
    /**
     * Its sales order was delivered without it: the appointment was scheduled at the very moment the
     * car was handed over, so the delivery does not name it.
     */
    SALES_ORDER_DELIVERED
}
