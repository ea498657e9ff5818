package dev.forecourt.sales.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.VersionConflict;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.config.SalesSettings;
import dev.forecourt.sales.stock.VehicleSpec;
import dev.forecourt.sales.stock.VehicleStock;

/**
 * Ordering cars from the carmaker: drafting call-offs (CALL车), the sales manager's approval,
 * sending to the OEM (answered with the allocation), and taking the cars the OEM dispatched into
 * stock as in transit. The OEM call is made outside any aggregate change; what it answered is then
 * recorded on the order, and the in-transit cars registered (a car already registered is left as it is,
 * so checking the dispatches again repairs an interrupted registration).
 */
@Service
public class VehicleOrders {

    private static final Logger log = LoggerFactory.getLogger(VehicleOrders.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Sequences sequences;
    private final OemVehicleDistribution oem;
    private final VehicleStock stock;
    private final SalesSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final String dealerCode;

    public VehicleOrders(MongoTemplate mongo, AggregateStore store, Sequences sequences, OemVehicleDistribution oem, VehicleStock stock,
                         SalesSettings settings, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.sequences = sequences;
        this.oem = oem;
        this.stock = stock;
        this.settings = settings;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.dealerCode = properties.storeId();
    }

    /** A call-off (CALL车) of cars for this month. */
    public VehicleOrder draftCallOff(List<VehicleOrder.VehicleOrderLine> lines, String note, Actor by) {
        return draft("vo-" + UUID.randomUUID(), VehicleOrder.Kind.CALL_OFF, thisMonth(), null, lines, note, by);
    }

    VehicleOrder draft(String id, VehicleOrder.Kind kind, YearMonth month, String supplyPlanId, List<VehicleOrder.VehicleOrderLine> lines, String note, Actor by) {
        return store.insert(numbered(id, kind, month, supplyPlanId, lines, note, by));
    }

    /** A drafted order with its number, checked but not yet stored. */
    VehicleOrder numbered(String id, VehicleOrder.Kind kind, YearMonth month, String supplyPlanId, List<VehicleOrder.VehicleOrderLine> lines,
                          String note, Actor by) {
        Instant at = clock.instant();
        String number = sequences.yearly("VO", Year.from(at.atZone(zone)), 6);
        return VehicleOrder.draft(id, number, kind, month, supplyPlanId, lines, note, at, by);
    }

    VehicleOrder insert(VehicleOrder drafted) {
        return store.insert(drafted);
    }

    public VehicleOrder approve(String id, ExpectedVersion expected, Actor by) {
        return store.change(() -> load(id), expected, order -> order.approve(clock.instant(), by));
    }

    /**
     * Sends an approved order to the OEM and records its allocation, then takes what the OEM has
     * dispatched already into stock.
     *
     * @throws OemVehicleDistribution.Unavailable when the OEM cannot be reached: the order stays APPROVED
     */
    public VehicleOrder send(String id, ExpectedVersion expected, Actor by) {
        VehicleOrder order = load(id);
        if (!expected.matches(order.getVersion())) {
            throw new VersionConflict("VehicleOrder", id, order.getVersion());
        }
        order.requireSendable();
        List<OemVehicleDistribution.OrderLine> lines = order.getLines().stream()
                .map(l -> new OemVehicleDistribution.OrderLine(l.lineNo(), l.model(), l.trim(), l.colour(), l.quantity())).toList();
        OemVehicleDistribution.Allocated allocated = oem.place(dealerCode, order.getNumber(), order.getKind(), order.getMonth(), lines);
        VehicleOrder sent = allocated(order, allocated, by);
        try {
            return checkDispatches(sent.getId(), ExpectedVersion.ANY, by);
        } catch (OemVehicleDistribution.Unavailable later) {
            log.warn("Vehicle order {} allocated; its dispatches are checked later: {}", sent.getNumber(), later.getMessage());
            return sent;
        }
    }

    /**
     * Records the allocation the OEM answered to the order as it was sent (guarded by the version it
     * was sent in). The demo store records the OEM's answer so, as the simulator is not up when it is seeded.
     */
    public VehicleOrder allocated(VehicleOrder sentAs, OemVehicleDistribution.Allocated allocated, Actor by) {
        List<VehicleOrder.AllocatedVehicle> vehicles = allocated.allocations().stream()
                .map(a -> new VehicleOrder.AllocatedVehicle(a.lineNo(), Vin.of(a.vin()).value(), a.model(), a.trim(), a.colour(),
                        a.listPrice(), a.invoicePrice(), null, null, null)).toList();
        Instant at = clock.instant();
        return store.change(() -> load(sentAs.getId()), ExpectedVersion.of(sentAs.getVersion()),
                o -> o.recordAllocation(allocated.oemOrderId(), vehicles, at, by));
    }

    /**
     * Asks the OEM which cars of the order left the factory, records them and registers each in
     * stock as in transit (with the keys and documents the OEM ships).
     */
    public VehicleOrder checkDispatches(String id, ExpectedVersion expected, Actor by) {
        VehicleOrder order = load(id);
        if (!expected.matches(order.getVersion())) {
            throw new VersionConflict("VehicleOrder", id, order.getVersion());
        }
        if (!order.getStatus().allocated()) {
            throw new IllegalTransition("Vehicle order " + order.getNumber() + " is not allocated yet",
                    order.getStatus());
        }
        return dispatched(id, oem.dispatches(order.getOemOrderId()), by);
    }

    /** Records the cars the OEM answered as dispatched and registers each in stock as in transit (the demo store seeds them so). */
    public VehicleOrder dispatched(String id, OemVehicleDistribution.Dispatches answer, Actor by) {
        Instant at = clock.instant();
        VehicleOrder recorded = store.change(() -> load(id), ExpectedVersion.ANY, o -> o.recordDispatches(answer.dispatches(), at));
        for (VehicleOrder.AllocatedVehicle car : recorded.getAllocations()) {
            if (car.dispatchedAt() == null || stock.exists(car.vin())) {
                continue;
            }
            OemVehicleDistribution.Dispatch shipped = answer.dispatches().stream().filter(d -> d.vin().equals(car.vin())).findFirst().orElse(null);
            int keys = shipped == null || shipped.keys() == null ? 2 : shipped.keys();
            List<String> documents = shipped == null || shipped.documents() == null ? List.of() : shipped.documents();
            VehicleSpec spec = new VehicleSpec(settings.brand(), car.model(), car.trim(), car.colour(), car.listPrice(), keys, documents,
                    List.of());
            try {
                stock.register(Vin.of(car.vin()), spec, true, by);
            } catch (Conflict alreadyThere) {
                log.info("Vehicle {} of {} was registered meanwhile", car.vin(), recorded.getNumber());
            } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
                log.info("Vehicle {} of {} was registered meanwhile", car.vin(), recorded.getNumber());
            }
        }
        return recorded;
    }

    /** The orders the OEM allocated whose cars have not all left the factory, oldest first (at most 100 a round). */
    List<String> awaitingDispatch() {
        Query query = Query.query(Criteria.where("status").is(VehicleOrderStatus.ALLOCATED))
                .with(Sort.by("allocatedAt", "_id")).limit(100);
        query.fields().include("_id");
        return mongo.find(query, VehicleOrder.class).stream().map(VehicleOrder::getId).toList();
    }

    public VehicleOrder cancel(String id, ExpectedVersion expected, String reason, Actor by) {
        return store.change(() -> load(id), expected, order -> order.cancel(reason, clock.instant(), by));
    }

    /** By id ({@code vo-…}) or number ({@code VO2026000001}). */
    public VehicleOrder load(String reference) {
        if (reference != null && reference.startsWith("VO")) {
            VehicleOrder order = mongo.findOne(Query.query(Criteria.where("number").is(reference)), VehicleOrder.class);
            if (order == null) {
                throw new NotFound("VehicleOrder", reference);
            }
            return order;
        }
        return store.find(VehicleOrder.class, reference);
    }

    public Page<VehicleOrder> list(VehicleOrderStatus status, YearMonth month, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        if (month != null) {
            parts.add(Criteria.where("month").is(month.toString()));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "draftedAt").and(Sort.by("_id")), paging, VehicleOrder.class);
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    String dealerCode() {
        return dealerCode;
    }
}
