package dev.forecourt.sales.stock;

/** New cars for sale, or demo cars (试驾车) used for test drives and never reserved by an order. */
public enum VehiclePool {
    STOCK, DEMO
}
