package dev.forecourt.workshop.repairorder;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;

/** Loads and stores repair orders; every change is a load-change-save guarded by the document version. */
@Component
public class RepairOrders {

    /** A retried change re-runs the domain rules on fresh state, so retrying a version conflict is safe. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    private final AggregateStore aggregates;

    RepairOrders(MongoTemplate mongo, AggregateStore aggregates, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    public RepairOrder get(String id) {
        RepairOrder order = mongo.findById(id, RepairOrder.class);
        if (order == null) {
            throw ProblemException.notFound("Repair order", id);
        }
        return order;
    }

    /** Stores a new order (nothing relays it yet, so a plain insert is safe). */
    public RepairOrder insert(RepairOrder order) {
        return aggregates.insert(order);
    }

    public RepairOrder change(String id, Consumer<RepairOrder> change) {
        for (int attempt = 1; ; attempt++) {
            RepairOrder order = get(id);
            change.accept(order);
            try {
                aggregates.update(order);
                return get(id);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** RO + year + a gap-free per-year sequence, from one atomic counter document. */
    public String nextOrderNumber() {
        int year = clock.instant().atZone(zone).getYear();
        Counter counter = mongo.findAndModify(query(where("_id").is("repair-order-" + year)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class, "sequences");
        return "RO%d%06d".formatted(year, counter.value());
    }

    record Counter(String id, long value) {
    }
}
