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

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.common.PageView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Receiving, inspecting and listing vehicles: the stock administrator's work. */
@Service
public class VehicleStock {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Counter received;
    private final Counter pdiFailed;
    private final AggregateStore aggregates;

    public VehicleStock(MongoTemplate mongo, Clock clock, MeterRegistry meters, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.clock = clock;
        this.received = meters.counter("forecourt.vehicles.received");
        this.pdiFailed = meters.counter("forecourt.vehicles.pdi-failed");
    }

    /** Registers a vehicle: in transit, or received into stock at once. A VIN is registered once (409 duplicate). */
    public Vehicle register(Vin vin, VehicleSpec spec, boolean inTransit, Staff by) {
        Vehicle vehicle = inTransit ? Vehicle.inTransit(vin, spec, clock.instant()) : Vehicle.received(vin, spec, clock.instant(), by);
        mongo.insert(vehicle);
        if (!inTransit) {
            received.increment();
        }
        return vehicle;
    }

    public Vehicle arrive(String vin, Staff by) {
        Vehicle vehicle = get(vin);
        vehicle.arrive(clock.instant(), by);
        received.increment();
        return aggregates.update(vehicle);
    }

    public Vehicle recordPdi(String vin, boolean passed, List<String> findings, Staff by) {
        Vehicle vehicle = get(vin);
        vehicle.recordPdi(passed, findings, clock.instant(), by);
        if (!passed) {
            pdiFailed.increment();
        }
        return aggregates.update(vehicle);
    }

    public Vehicle moveToPool(String vin, VehiclePool pool) {
        Vehicle vehicle = get(vin);
        vehicle.moveToPool(pool);
        return aggregates.update(vehicle);
    }

    public Vehicle get(String vin) {
        Vehicle vehicle = mongo.findById(vin.trim().toUpperCase(java.util.Locale.ROOT), Vehicle.class);
        if (vehicle == null) {
            throw ProblemException.notFound("Vehicle", vin);
        }
        return vehicle;
    }

    public PageView<Vehicle> list(VehicleFilter filter, int page, int size) {
        PageView.check(page, size);
        Query query = Query.query(filter.toCriteria());
        long total = mongo.count(query, Vehicle.class);
        query.with(Sort.by("registeredAt", "_id")).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, Vehicle.class), page, size, total);
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
