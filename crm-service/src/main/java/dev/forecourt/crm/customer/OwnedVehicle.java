package dev.forecourt.crm.customer;

import java.time.LocalDate;

import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;

/**
 * A vehicle of the customer with what the maintenance reminders need: the first reading this
 * store saw (delivery or first visit) and the latest one, from which the average usage follows,
 * and the maintenance performed: the first (首保) and the latest, which restarts the clock.
 */
public record OwnedVehicle(String vin, String brand, String model, String plate, LocalDate deliveredOn,
                           Integer deliveryOdometerKm, LocalDate firstSeenOn, Integer firstSeenKm,
                           LocalDate lastVisitOn, Integer lastOdometerKm, int visits,
                           LocalDate firstMaintenanceOn, LocalDate lastMaintenanceOn, Integer lastMaintenanceKm) {

    static OwnedVehicle unknown(String vin, String brand, String model, String plate) {
        return new OwnedVehicle(vin, brand, model, plate, null, null, null, null, null, null, 0, null, null, null);
    }

    OwnedVehicle visited(String newPlate, LocalDate on, int odometerKm) {
        boolean later = lastVisitOn == null || !on.isBefore(lastVisitOn);
        boolean first = firstSeenOn == null || on.isBefore(firstSeenOn);
        return new OwnedVehicle(vin, brand, model, newPlate != null ? newPlate : plate, deliveredOn, deliveryOdometerKm,
                first ? on : firstSeenOn, first ? Integer.valueOf(odometerKm) : firstSeenKm,
                later ? on : lastVisitOn, later ? Integer.valueOf(odometerKm) : lastOdometerKm, visits + 1,
                firstMaintenanceOn, lastMaintenanceOn, lastMaintenanceKm);
    }

    OwnedVehicle delivered(String newBrand, String newModel, LocalDate on, int odometerKm) {
        return new OwnedVehicle(vin, newBrand, newModel, plate, on, odometerKm, on, odometerKm,
                lastVisitOn == null || on.isAfter(lastVisitOn) ? on : lastVisitOn,
                lastOdometerKm == null ? Integer.valueOf(odometerKm) : lastOdometerKm, visits,
                firstMaintenanceOn, lastMaintenanceOn, lastMaintenanceKm);
    }

    /** A maintenance job was performed: the first one is recorded as the first maintenance (首保). */
    OwnedVehicle maintained(LocalDate on, int odometerKm) {
        boolean later = lastMaintenanceOn == null || !on.isBefore(lastMaintenanceOn);
        return new OwnedVehicle(vin, brand, model, plate, deliveredOn, deliveryOdometerKm, firstSeenOn, firstSeenKm,
                lastVisitOn, lastOdometerKm, visits,
                firstMaintenanceOn == null || on.isBefore(firstMaintenanceOn) ? on : firstMaintenanceOn,
                later ? on : lastMaintenanceOn, later ? Integer.valueOf(odometerKm) : lastMaintenanceKm);
    }

    /** True once the first maintenance (首保) was performed. */
    public boolean firstMaintenanceDone() {
        return firstMaintenanceOn != null;
    }

    /** Average km per day, or null while fewer than two readings a month apart are known. */
    public Double kmPerDay() {
        if (firstSeenOn == null || lastVisitOn == null || firstSeenKm == null || lastOdometerKm == null) {
            return null;
        }
        return MaintenanceReminderPolicy.usage(firstSeenOn, firstSeenKm, lastVisitOn, lastOdometerKm);
    }
}
