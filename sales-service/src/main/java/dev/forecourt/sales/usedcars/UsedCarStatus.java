package dev.forecourt.sales.usedcars;

/** Appraised, then bought for cash or taken in trade against a new-car order, then resold. */
public enum UsedCarStatus {
    APPRAISED, PURCHASED, TRADED_IN, RESOLD
}
