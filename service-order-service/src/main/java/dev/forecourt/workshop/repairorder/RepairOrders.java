package dev.forecourt.workshop.repairorder;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/** The repair orders: loads, queries, and every change through the aggregate store (version-checked). */
@Component
public class RepairOrders {

    private static final List<RepairOrderStatus> ACTIVE = List.of(RepairOrderStatus.OPEN, RepairOrderStatus.IN_WORK,
            RepairOrderStatus.QC_PASSED);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Sequences sequences;
    private final Clock clock;
    private final ZoneId zone;

    RepairOrders(MongoTemplate mongo, AggregateStore store, Sequences sequences, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.sequences = sequences;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    /**
     * Order numbers used to come from a counter {@code repair-order-<year>}; the platform's sequences
     * name it {@code RO-<year>}. Carries an existing counter over once, so numbers never repeat.
     */
    @jakarta.annotation.PostConstruct
    void carryOverTheOldOrderNumberCounter() {
        for (org.bson.Document old : mongo.find(query(where("_id").regex("^repair-order-\\d{4}$")), org.bson.Document.class,
                "sequences")) {
            String year = old.getString("_id").substring("repair-order-".length());
            long value = ((Number) old.get("value")).longValue();
            org.bson.Document current = mongo.findById("RO-" + year, org.bson.Document.class, "sequences");
            if (current == null || ((Number) current.get("value")).longValue() < value) {
                mongo.upsert(query(where("_id").is("RO-" + year)),
                        new org.springframework.data.mongodb.core.query.Update().set("value", value), "sequences");
            }
            mongo.remove(query(where("_id").is(old.getString("_id"))), "sequences");
        }
    }

    public RepairOrder get(String id) {
        return store.find(RepairOrder.class, id);
    }

    public Optional<RepairOrder> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RepairOrder.class));
    }

    public Optional<RepairOrder> findByNumber(String orderNumber) {
        return Optional.ofNullable(mongo.findOne(query(where("orderNumber").is(orderNumber)), RepairOrder.class));
    }

    public RepairOrder insert(RepairOrder order) {
        return store.insert(order);
    }

    /** Applies a change to the order read at {@code expected} (stale → 409 version-conflict; ANY retries a lost race). */
    public RepairOrder change(String id, ExpectedVersion expected, Consumer<RepairOrder> change) {
        return store.change(RepairOrder.class, id, expected, change);
    }

    public <R> AggregateStore.Changed<RepairOrder, R> changeReturning(String id, ExpectedVersion expected,
                                                                      Function<RepairOrder, R> change) {
        return store.changeReturning(() -> get(id), expected, change);
    }

    /** RO + year + a gap-free per-year counter, e.g. RO2026000006. */
    public String nextOrderNumber() {
        return sequences.yearly("RO", Year.of(clock.instant().atZone(zone).getYear()), 6);
    }

    public Page<RepairOrder> page(RepairOrderStatus status, String vin, Paging paging) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (vin != null) {
            query.addCriteria(where("vehicle.vin").is(vin));
        }
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "openedAt")
                .and(Sort.by("_id")), paging, RepairOrder.class);
    }

    /** Orders not handed over or cancelled yet: what the board shows. */
    public List<RepairOrder> active() {
        return mongo.find(query(where("status").in(ACTIVE)), RepairOrder.class);
    }

    public List<String> withPendingParts(int limit) {
        return mongo.find(query(where("partsPending").is(true)).with(Sort.by("openedAt")).limit(limit), RepairOrder.class)
                .stream().map(RepairOrder::getId).toList();
    }

    /** Active orders whose promised time is within {@code until} and which were not flagged yet. */
    public List<String> notFlaggedDueBefore(Instant until) {
        return mongo.find(query(where("status").in(ACTIVE).and("lateFlaggedAt").is(null).and("promisedAt").lte(until)),
                RepairOrder.class).stream().map(RepairOrder::getId).toList();
    }

    public long handedOverBetween(Instant from, Instant to) {
        return mongo.count(query(where("handover.handedOverAt").gte(from).lt(to)), RepairOrder.class);
    }

    /** Orders handed over in the period. */
    public List<RepairOrder> handedOverIn(Instant from, Instant to) {
        return mongo.find(query(where("handover.handedOverAt").gte(from).lt(to)).with(Sort.by("handover.handedOverAt", "_id")),
                RepairOrder.class);
    }

    /** Orders with a job finished, or their first quality check, in the period. */
    public List<RepairOrder> workedOrCheckedBetween(Instant from, Instant to) {
        return mongo.find(query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                where("jobs.finishedAt").gte(from).lt(to), where("firstQualityCheckAt").gte(from).lt(to)))
                .with(Sort.by("openedAt", "_id")), RepairOrder.class);
    }

    /** The earlier order of each order opened as rework in the period (and not cancelled), one per rework order. */
    public List<RepairOrder> reworkedBetween(Instant from, Instant to) {
        return mongo.find(query(where("reworkOf").ne(null).and("openedAt").gte(from).lt(to)
                .and("status").ne(RepairOrderStatus.CANCELLED)), RepairOrder.class).stream()
                .map(rework -> find(rework.getReworkOf())).flatMap(Optional::stream).toList();
    }

    /** Orders opened in the period and not cancelled. */
    public long openedBetween(Instant from, Instant to) {
        return mongo.count(query(where("openedAt").gte(from).lt(to).and("status").ne(RepairOrderStatus.CANCELLED)), RepairOrder.class);
    }

    public long reworkOpenedBetween(Instant from, Instant to) {
        return mongo.count(query(where("reworkOf").ne(null).and("openedAt").gte(from).lt(to)
                .and("status").ne(RepairOrderStatus.CANCELLED)), RepairOrder.class);
    }

    /** Every order the store day touched: opened, quality-checked, handed over, or still in the workshop at its end. */
    public List<RepairOrder> touchedBetween(Instant from, Instant to) {
        return mongo.find(query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                where("openedAt").gte(from).lt(to),
                where("handover.handedOverAt").gte(from).lt(to),
                where("firstQualityCheckAt").gte(from).lt(to),
                where("openedAt").lt(to).and("status").in(ACTIVE),
                where("openedAt").lt(to).and("handover.handedOverAt").gte(to),
                where("openedAt").lt(to).and("cancelledAt").gte(to)))
                .with(Sort.by("openedAt", "_id")), RepairOrder.class);
    }

    public List<RepairOrder> ofVehicle(String vin) {
        return mongo.find(query(where("vehicle.vin").is(vin)).with(Sort.by("openedAt", "_id")), RepairOrder.class);
    }
}
