package dev.forecourt.workshop.repairorder;

/** The vehicle as seen at reception. */
public record Vehicle(String vin, String plate, String brand, String model) {
}
