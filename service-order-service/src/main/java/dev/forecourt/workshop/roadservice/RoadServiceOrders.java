package dev.forecourt.workshop.roadservice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Year;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.WarrantyDetails;
import dev.forecourt.workshop.technician.Technician;
import dev.forecourt.workshop.technician.TechnicianRoster;

/** The outside-service orders: numbered {@code RS<year><6 digits>}, dispatched, returned, quoted by warranty jobs. */
@Service
public class RoadServiceOrders {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Sequences sequences;
    private final TechnicianRoster roster;
    private final ForecourtProperties properties;
    private final RepairOrders repairOrders;
    private final Clock clock;

    RoadServiceOrders(MongoTemplate mongo, AggregateStore store, Sequences sequences, TechnicianRoster roster,
                      ForecourtProperties properties, Clock clock, RepairOrders repairOrders) {
        this.repairOrders = repairOrders;
        this.mongo = mongo;
        this.store = store;
        this.sequences = sequences;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    public RoadServiceOrder dispatch(String vin, String location, String repairOrderId, String technicianId, int departureOdometerKm,
                                     Actor by) {
        if (!Vin.isValid(vin)) {
            throw new RuleViolated("vin-check-digit", "VIN check digit wrong", "VIN " + vin + " fails its check digit",
                    new FieldProblem("vin", "check digit does not match"));
        }
        Technician technician = roster.find(technicianId).filter(Technician::active).orElseThrow(() -> new RuleViolated(
                "unknown-technician", "Unknown technician", "No active technician " + technicianId + " on the workshop roster",
                new FieldProblem("technicianId", "not an active technician")));
        if (repairOrderId != null) {
            RepairOrder served = repairOrders.find(repairOrderId).orElseThrow(() -> new RuleViolated("unknown-repair-order",
                    "Unknown repair order", "No repair order " + repairOrderId, new FieldProblem("repairOrderId", "no such order")));
            if (!served.getVehicle().vin().equals(vin)) {
                throw new RuleViolated("road-service-other-vehicle", "Repair order of another car",
                        "Repair order " + served.getOrderNumber() + " is of VIN " + served.getVehicle().vin(),
                        new FieldProblem("repairOrderId", "of another car"));
            }
        }
        Actor driver = new Actor(technician.employeeId(), technician.username(), technician.name(), technician.positionCode());
        String number = sequences.yearly("RS", Year.of(clock.instant().atZone(properties.timeZone()).getYear()), 6);
        return store.insert(RoadServiceOrder.dispatch(UUID.randomUUID().toString(), number, vin, location, repairOrderId, driver,
                departureOdometerKm, by, clock.instant()));
    }

    public RoadServiceOrder returned(String id, int returnOdometerKm, ExpectedVersion expected) {
        return store.change(() -> get(id), expected, o -> o.returned(returnOdometerKm, clock.instant()));
    }

    public RoadServiceOrder get(String id) {
        return store.find(RoadServiceOrder.class, id);
    }

    public Page<RoadServiceOrder> page(String vin, Paging paging) {
        Query q = vin == null ? new Query() : query(where("vin").is(vin));
        return PagedFind.find(mongo, q, Sort.by(Sort.Direction.DESC, "departedAt").and(Sort.by("_id")), paging, RoadServiceOrder.class);
    }

    /**
     * The warranty details of a job that quotes an outside-service order: its kilometres become the
     * job's outside-service mileage (422 when the advisor stated others). Details quoting none stay as they are.
     */
    public WarrantyDetails withOrderQuoted(WarrantyDetails details, String vin, String repairOrderId) {
        if (details == null || details.roadServiceOrderNumber() == null || details.roadServiceOrderNumber().isBlank()) {
            return details;
        }
        String number = details.roadServiceOrderNumber().strip();
        RoadServiceOrder order = mongo.findOne(query(where("orderNumber").is(number)), RoadServiceOrder.class);
        if (order == null) {
            throw new RuleViolated("unknown-road-service-order", "Unknown outside-service order",
                    "No outside-service order " + number, new FieldProblem("warranty.roadServiceOrderNumber", "no such order"));
        }
        return details.withRoadServiceOrder(order.tripFor(vin, repairOrderId, details.outsideServiceKm()));
    }
}
