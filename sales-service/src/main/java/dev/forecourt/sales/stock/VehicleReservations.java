package dev.forecourt.sales.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.VersionConflict;
import dev.forecourt.platform.events.outbox.Outbox;

/**
 * Moves a vehicle between RESERVED, SOLD and DELIVERED for a sales order with one atomic
 * conditional update each: the preconditions (status, pool, holder, PDI) are the update's filter,
 * so twenty orders confirming the same VIN at once cannot all see it free. When the update matches
 * nothing, the vehicle is loaded and the domain object says why, with the same rules.
 */
@Component
public class VehicleReservations {

    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    public VehicleReservations(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Vehicle reserve(String vin, String orderId) {
        Criteria free = Criteria.where("_id").is(vin)
                .and(Vehicle.STATUS).in(VehicleStatus.predecessorsOf(VehicleStatus.RESERVED))
                .and(Vehicle.POOL).is(VehiclePool.STOCK)
                .and(Vehicle.RESERVED_BY).is(null);
        Update update = new Update().set(Vehicle.STATUS, VehicleStatus.RESERVED).set(Vehicle.RESERVED_BY, orderId).inc(VERSION, 1);
        Vehicle reserved = apply(free, update, vin, VehicleStatus.IN_STOCK, VehicleStatus.RESERVED, orderId);
        if (reserved == null) {
            Vehicle current = load(vin);
            if (current.getReservedBy() != null && !current.getReservedBy().equals(orderId)) {
                throw new Conflict("vin-already-reserved", "VIN already reserved",
                        "Vehicle " + vin + " is reserved by another order").with("currentState", current.getStatus().name());
            }
            throw explain(vin, () -> current.reserve(orderId));
        }
        return reserved;
    }

    /** The order is paid in full: the vehicle is sold, which needs a passed PDI. */
    public Vehicle sell(String vin, String orderId) {
        Criteria held = heldBy(vin, orderId, VehicleStatus.SOLD).and(Vehicle.PDI_PASSED).is(true);
        Vehicle sold = apply(held, new Update().set(Vehicle.STATUS, VehicleStatus.SOLD).inc(VERSION, 1), vin,
                VehicleStatus.RESERVED, VehicleStatus.SOLD, orderId);
        if (sold == null) {
            Vehicle current = load(vin);
            throw explain(vin, () -> current.sell(orderId));
        }
        return sold;
    }

    public Vehicle deliver(String vin, String orderId, Instant at) {
        Criteria held = heldBy(vin, orderId, VehicleStatus.DELIVERED).and(Vehicle.PDI_PASSED).is(true);
        Vehicle delivered = apply(held, new Update().set(Vehicle.STATUS, VehicleStatus.DELIVERED).set("deliveredAt", at).inc(VERSION, 1),
                vin, VehicleStatus.SOLD, VehicleStatus.DELIVERED, orderId);
        if (delivered == null) {
            Vehicle current = load(vin);
            throw explain(vin, () -> current.deliver(orderId, at));
        }
        return delivered;
    }

    /** Puts the vehicle back into stock if this order holds it; a no-op otherwise (cancelling twice is harmless). */
    public boolean release(String vin, String orderId) {
        for (VehicleStatus from : List.of(VehicleStatus.RESERVED, VehicleStatus.SOLD)) {
            Criteria held = Criteria.where("_id").is(vin).and(Vehicle.RESERVED_BY).is(orderId).and(Vehicle.STATUS).is(from);
            Update update = new Update().set(Vehicle.STATUS, VehicleStatus.IN_STOCK).unset(Vehicle.RESERVED_BY).inc(VERSION, 1);
            if (apply(held, update, vin, from, VehicleStatus.IN_STOCK, orderId) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Undoes {@link #sell} or {@link #deliver} when the order could not be saved afterwards (it
     * was changed concurrently). There are no multi-document transactions, so this compensation
     * keeps vehicle and order in step; it is not a business transition, hence not in {@link VehicleStatus}.
     */
    public void undo(String vin, String orderId, VehicleStatus from, VehicleStatus backTo) {
        Criteria held = Criteria.where("_id").is(vin).and(Vehicle.RESERVED_BY).is(orderId).and(Vehicle.STATUS).is(from);
        Update update = new Update().set(Vehicle.STATUS, backTo).inc(VERSION, 1);
        if (from == VehicleStatus.DELIVERED) {
            update.unset("deliveredAt");
        }
        apply(held, update, vin, from, backTo, orderId);
    }

    private static Criteria heldBy(String vin, String orderId, VehicleStatus target) {
        List<VehicleStatus> from = VehicleStatus.predecessorsOf(target);
        return Criteria.where("_id").is(vin).and(Vehicle.RESERVED_BY).is(orderId).and(Vehicle.STATUS).in(from);
    }

    /** One conditional update that moves the status and records the move in the vehicle's outbox, atomically. */
    private Vehicle apply(Criteria criteria, Update update, String vin, VehicleStatus from, VehicleStatus to, String orderId) {
        outbox.append(update, new VehicleEvents.VehicleStatusChanged(vin, from, to, orderId, clock.instant()));
        Vehicle moved = mongo.findAndModify(Query.query(criteria), update, FindAndModifyOptions.options().returnNew(true), Vehicle.class);
        if (moved != null) {
            outbox.wake(Vehicle.class, vin);
        }
        return moved;
    }

    private Vehicle load(String vin) {
        Vehicle vehicle = mongo.findById(vin, Vehicle.class);
        if (vehicle == null) {
            throw new NotFound("Vehicle", vin);
        }
        return vehicle;
    }

    /** The domain rule that refuses the step; if it no longer refuses, the vehicle changed under us. */
    private static RuntimeException explain(String vin, Runnable domainStep) {
        try {
            domainStep.run();
        } catch (DomainException refused) {
            return refused;
        }
        return new VersionConflict("Vehicle", vin, null);
    }
}
