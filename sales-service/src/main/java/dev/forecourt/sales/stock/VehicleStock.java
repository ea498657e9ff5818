package dev.forecourt.sales.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.vin.Vin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Receiving, inspecting and listing vehicles: the stock administrator's work. */
@Service
public class VehicleStock {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Counter received;
    private final Counter pdiFailed;
    private final AggregateStore store;

    public VehicleStock(MongoTemplate mongo, Clock clock, MeterRegistry meters, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.received = meters.counter("forecourt.vehicles.received");
        this.pdiFailed = meters.counter("forecourt.vehicles.pdi-failed");
    }

    /** Registers a vehicle: in transit, or received into stock at once. A VIN is registered once (409 duplicate). */
    public Vehicle register(Vin vin, VehicleSpec spec, boolean inTransit, Actor by) {
        Vehicle vehicle = inTransit ? Vehicle.inTransit(vin, spec, clock.instant()) : Vehicle.received(vin, spec, clock.instant(), by);
        Vehicle stored = store.insert(vehicle);
        if (!inTransit) {
            received.increment();
        }
        return stored;
    }

    public Vehicle arrive(String vin, ExpectedVersion expected, Actor by) {
        Vehicle arrived = store.change(Vehicle.class, normalised(vin), expected, vehicle -> vehicle.arrive(clock.instant(), by));
        received.increment();
        return arrived;
    }

    public Vehicle recordPdi(String vin, ExpectedVersion expected, boolean passed, List<String> findings, Actor by) {
        Vehicle inspected = store.change(Vehicle.class, normalised(vin), expected,
                vehicle -> vehicle.recordPdi(passed, findings, clock.instant(), by));
        if (!passed) {
            pdiFailed.increment();
        }
        return inspected;
    }

    public Vehicle moveToPool(String vin, ExpectedVersion expected, VehiclePool pool, Actor by) {
        return store.change(Vehicle.class, normalised(vin), expected, vehicle -> vehicle.moveToPool(pool, clock.instant(), by));
    }

    public Vehicle get(String vin) {
        Vehicle vehicle = mongo.findById(normalised(vin), Vehicle.class);
        if (vehicle == null) {
            throw new NotFound("Vehicle", vin);
        }
        return vehicle;
    }

    /** Whether the VIN is registered (in transit or at the store, sold or not). */
    public boolean exists(String vin) {
        return mongo.exists(Query.query(Criteria.where("_id").is(normalised(vin))), Vehicle.class);
    }

    private static String normalised(String vin) {
        return vin.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public Page<Vehicle> list(VehicleFilter filter, Paging paging) {
        Query query = Query.query(filter.toCriteria());
        return PagedFind.find(mongo, query, Sort.by("registeredAt", "_id"), paging, Vehicle.class);
    }

    /** Stock list filters; model and colour match case-insensitively and literally. */
    public record VehicleFilter(VehicleStatus status, VehiclePool pool, String model, String colour) {

        Criteria toCriteria() {
            List<Criteria> parts = new ArrayList<>();
            if (status != null) {
                parts.add(Criteria.where(Vehicle.STATUS).is(status));
            }
            if (pool != null) {
                parts.add(Criteria.where(Vehicle.POOL).is(pool));
            }
            if (model != null && !model.isBlank()) {
                parts.add(Criteria.where("spec.model").regex("^" + Pattern.quote(model.trim()) + "$", "i"));
            }
            if (colour != null && !colour.isBlank()) {
                parts.add(Criteria.where("spec.colour").regex("^" + Pattern.quote(colour.trim()) + "$", "i"));
            }
            return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
        }
    }
}
