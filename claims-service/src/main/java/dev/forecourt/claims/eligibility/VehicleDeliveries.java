package dev.forecourt.claims.eligibility;

import java.time.LocalDate;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.Delivery;
import dev.forecourt.platform.events.consume.HandlesEvent;

/** Records deliveries from sales-service: the start of each VIN's warranty. */
@Component
public class VehicleDeliveries {

    private final MongoTemplate mongo;

    public VehicleDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sales' event data; only the fields claims needs. */
    public record VehicleDelivered(String salesOrderId, String vin, String brand, String model, LocalDate deliveryDate,
                                   Integer odometerKm) {
    }

    @HandlesEvent("forecourt.sales.vehicle-delivered.v1")
    public void on(VehicleDelivered delivered) {
        if (delivered.vin() == null || delivered.deliveryDate() == null) {
            return;
        }
        // Keyed by VIN, so a redelivered event overwrites with the same facts.
        mongo.save(new DeliveredVehicle(delivered.vin(), delivered.brand(), delivered.model(), delivered.deliveryDate(),
                delivered.odometerKm(), delivered.salesOrderId()));
    }

    public Delivery of(String vin) {
        if (vin == null) {
            return null;
        }
        DeliveredVehicle vehicle = mongo.findById(vin, DeliveredVehicle.class);
        return vehicle == null ? null : new Delivery(vehicle.deliveryDate(), vehicle.odometerKm());
    }
}
