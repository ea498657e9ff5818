package dev.forecourt.claims.claim;

import java.time.LocalDate;

/** When the vehicle was delivered to its first owner (the warranty starts) and its odometer then. */
public record Delivery(LocalDate deliveryDate, Integer odometerKm) {
}
