package dev.forecourt.crm.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A vehicle bought from the store (VehicleDelivered). */
public record Purchase(String salesOrderId, String vin, String brand, String model, LocalDate deliveryDate,
                       Instant deliveredAt, String consultantId, String consultantName) {
}
