package dev.forecourt.claims.eligibility;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What claims needs to know of a sale: the warranty of the VIN starts at its delivery. */
@Document("delivered_vehicles")
public record DeliveredVehicle(@Id String vin, String brand, String model, LocalDate deliveryDate, Integer odometerKm,
                               String salesOrderId) {
}
