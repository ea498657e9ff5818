package dev.forecourt.crm.customer;

import java.time.Instant;
import java.util.List;

/** A repair order handed over to the customer (RepairOrderHandedOver). */
public record RepairVisit(String repairOrderId, String orderNumber, String vin, String plate, Instant handedOverAt,
                          Integer odometerKm, String advisorId, String advisorName, List<String> payTypes, String reworkOf) {
}
