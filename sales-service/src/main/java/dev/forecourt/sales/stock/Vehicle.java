package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.stock.VehicleEvents.PdiCompleted;
import dev.forecourt.sales.stock.VehicleEvents.VehicleReceived;

/**
 * A new vehicle in the store's stock, identified by its VIN (the document id, so a VIN is received
 * once). It must pass PDI before it is sold; demo cars are a separate pool that orders never
 * reserve.
 */
@Document("vehicles")
public class Vehicle extends OutboxAggregate {

    /** Field names used by queries and atomic updates. */
    static final String STATUS = "status";
    static final String POOL = "pool";
    static final String RESERVED_BY = "reservedBy";
    static final String PDI_PASSED = "pdi.passed";

    @Id
    private String vin;
    private VehicleSpec spec;
    private VehicleStatus status;
    private VehiclePool pool;
    private PdiResult pdi;
    private List<PdiResult> pdiHistory = new ArrayList<>();
    private Instant registeredAt;
    private Instant receivedAt;
    private String receivedBy;
    /** The sales order holding the vehicle while RESERVED or SOLD. */
    private String reservedBy;
    private Instant deliveredAt;

    /** A vehicle announced by the carmaker and on its way (在途). */
    public static Vehicle inTransit(Vin vin, VehicleSpec spec, Instant at) {
        Vehicle vehicle = registered(vin, spec, at);
        vehicle.raise(new VehicleEvents.VehicleInTransit(vehicle.vin, spec.brand(), spec.model(), spec.trim(), spec.colour(),
                spec.listPrice(), at));
        return vehicle;
    }

    /** A vehicle received into stock (接车入库) on arrival. */
    public static Vehicle received(Vin vin, VehicleSpec spec, Instant at, Actor by) {
        Vehicle vehicle = registered(vin, spec, at);
        vehicle.arrive(at, by);
        return vehicle;
    }

    private static Vehicle registered(Vin vin, VehicleSpec spec, Instant at) {
        Vehicle vehicle = new Vehicle();
        vehicle.vin = vin.value();
        vehicle.spec = spec;
        vehicle.status = VehicleStatus.IN_TRANSIT;
        vehicle.pool = VehiclePool.STOCK;
        vehicle.registeredAt = at;
        return vehicle;
    }

    public void arrive(Instant at, Actor by) {
        moveTo(VehicleStatus.IN_STOCK, "receive");
        receivedAt = at;
        receivedBy = by.id();
        raise(new VehicleReceived(vin, spec.brand(), spec.model(), spec.trim(), spec.colour(), spec.listPrice(),
                spec.keys(), spec.documents(), at, by.id()));
    }

    /** Records a PDI. A failed PDI must say what failed; a vehicle may be inspected again after repair. */
    public void recordPdi(boolean passed, List<String> findings, Instant at, Actor by) {
        if (status == VehicleStatus.IN_TRANSIT || status == VehicleStatus.DELIVERED) {
            throw new IllegalTransition("A vehicle is inspected while it is at the store", status);
        }
        if (!passed && (findings == null || findings.isEmpty())) {
            throw new RuleViolated("pdi-findings-required", "Findings required",
                    "A failed PDI must list its findings", new FieldProblem("findings", "must not be empty when the PDI failed"));
        }
        pdi = new PdiResult(passed, findings, by.id(), by.displayName(), at);
        pdiHistory.add(pdi);
        raise(new PdiCompleted(vin, passed, pdi.findings(), at, by.id()));
    }

    public void moveToPool(VehiclePool target, Instant at, Actor by) {
        if (status != VehicleStatus.IN_STOCK) {
            throw new IllegalTransition("Only a vehicle in stock and not reserved changes pool", status);
        }
        VehiclePool from = pool;
        pool = target;
        if (from != target) {
            raise(new VehicleEvents.VehiclePoolChanged(vin, spec.model(), from, target, at, by.id()));
        }
    }

    /** Reserves the vehicle for an order. In production this runs as one atomic update ({@link VehicleReservations}). */
    public void reserve(String orderId) {
        if (pool != VehiclePool.STOCK) {
            throw new Conflict("vehicle-is-demo-car", "Demo car", "Vehicle " + vin + " is a demo car and cannot be sold as new");
        }
        moveTo(VehicleStatus.RESERVED, "reserve");
        reservedBy = orderId;
    }

    public void sell(String orderId) {
        requireHeldBy(orderId);
        requirePassedPdi();
        moveTo(VehicleStatus.SOLD, "sell");
    }

    public void deliver(String orderId, Instant at) {
        requireHeldBy(orderId);
        requirePassedPdi();
        moveTo(VehicleStatus.DELIVERED, "deliver");
        deliveredAt = at;
    }

    public void release(String orderId) {
        requireHeldBy(orderId);
        moveTo(VehicleStatus.IN_STOCK, "release");
        reservedBy = null;
    }

    public boolean pdiPassed() {
        return pdi != null && pdi.passed();
    }

    void requirePassedPdi() {
        if (!pdiPassed()) {
            throw pdiNotPassed(vin);
        }
    }

    static RuleViolated pdiNotPassed(String vin) {
        return new RuleViolated("pdi-not-passed", "PDI not passed",
                "Vehicle " + vin + " has not passed its pre-delivery inspection", new FieldProblem("vin", "has not passed PDI"));
    }

    private void requireHeldBy(String orderId) {
        if (!orderId.equals(reservedBy)) {
            throw new Conflict("vin-held-by-another-order", "Vehicle held elsewhere",
                    "Vehicle " + vin + " is not reserved by order " + orderId);
        }
    }

    private void moveTo(VehicleStatus target, String step) {
        status = Lifecycle.requireTransition(status, target, "Cannot " + step + " vehicle " + vin + " while it is " + status);
    }

    public String getVin() { return vin; }
    public VehicleSpec getSpec() { return spec; }
    public VehicleStatus getStatus() { return status; }
    public VehiclePool getPool() { return pool; }
    public PdiResult getPdi() { return pdi; }
    public List<PdiResult> getPdiHistory() { return List.copyOf(pdiHistory); }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getReceivedBy() { return receivedBy; }
    public String getReservedBy() { return reservedBy; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
