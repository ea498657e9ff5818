package dev.forecourt.parts.repairorders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/** The repair orders parts-service knows (from the workshop's events): found by id or by number. */
@Component
public class RepairOrders {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;

    RepairOrders(MongoTemplate mongo, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
    }

    /** By the workshop's id or by the number printed on the order ({@code RO2026000006}). */
    public Optional<RepairOrder> byIdOrNumber(String reference) {
        RepairOrder byId = mongo.findById(reference, RepairOrder.class);
        if (byId != null) {
            return Optional.of(byId);
        }
        return Optional.ofNullable(mongo.findOne(query(where("orderNumber").is(reference)), RepairOrder.class));
    }

    public List<RepairOrder> byIds(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), RepairOrder.class);
    }

    /** Open orders (for reports and for reserving waiting lines). */
    public List<RepairOrder> open() {
        return mongo.find(query(Criteria.where("status").is(RepairOrderStatus.OPEN)), RepairOrder.class);
    }

    /**
     * An order as if the workshop had announced it (opened, with its parts lines), handed over at
     * once when {@code handedOverAt} is given: for demo data and tests.
     */
    public void learnOrder(String id, String orderNumber, String vin, String customerId, String customerPhone, List<PartsLine> lines,
                               java.time.Instant openedAt, java.time.Instant handedOverAt) {
        learnOrder(id, orderNumber, vin, customerId, customerPhone, lines, openedAt, null, handedOverAt);
    }

    /** The same, with the time the workshop promised the car back (null: no promise). */
    public void learnOrder(String id, String orderNumber, String vin, String customerId, String customerPhone, List<PartsLine> lines,
                           java.time.Instant openedAt, java.time.Instant promisedAt, java.time.Instant handedOverAt) {
        learn(id, orderNumber, order -> {
            order.opened(orderNumber, vin, customerId, customerPhone, "demo-advisor", promisedAt, openedAt);
            lines.forEach(order::lineAdded);
        });
        if (handedOverAt != null) {
            learn(id, orderNumber, order -> order.handedOver(handedOverAt));
        }
    }

    /**
     * Applies what an event says about an order, creating the order's copy first if this is the
     * first event about it. The change is re-applied to a fresh copy if another event about the
     * same order was applied meanwhile, so it must only touch the order.
     */
    void learn(String id, String orderNumber, Consumer<RepairOrder> change) {
        if (mongo.findById(id, RepairOrder.class) == null) {
            try {
                aggregates.insert(RepairOrder.learnt(id, orderNumber));
            } catch (DuplicateKeyException concurrentlyLearnt) {
                // another event about the order created it: change that copy
            }
        }
        aggregates.change(RepairOrder.class, id, ExpectedVersion.ANY, change);
    }
}
