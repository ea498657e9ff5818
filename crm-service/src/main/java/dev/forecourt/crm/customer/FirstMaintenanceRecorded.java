package dev.forecourt.crm.customer;

import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A vehicle's first maintenance (首保) was performed: a maintenance job on a handed-over repair order. */
@EventType("forecourt.crm.first-maintenance-recorded.v1")
public record FirstMaintenanceRecorded(String customerId, String customerPhone, String vin, String model, LocalDate deliveredOn,
                                       LocalDate performedOn, int odometerKm, String repairOrderId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
