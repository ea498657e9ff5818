package dev.forecourt.parts.receiving;

/** POSTING while the lines are being booked on the stock cards; POSTED once all are. */
public enum ReceiptStatus {
    POSTING, POSTED
}
