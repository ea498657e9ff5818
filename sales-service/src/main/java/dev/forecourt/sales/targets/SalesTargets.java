package dev.forecourt.sales.targets;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;

/** The sales manager's targets per month and year, for the store, each consultant and each model. */
@Service
public class SalesTargets {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    public SalesTargets(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    /** @throws Conflict {@code target-exists} when the period and scope already have a target (change it instead) */
    public SalesTarget set(String period, String consultantId, String consultantName, String model, int orders, int deliveries,
                           Money revenue, Actor by) {
        SalesTarget target = SalesTarget.set(period, blankToNull(consultantId), blankToNull(consultantName), blankToNull(model), orders,
                deliveries, revenue, clock.instant(), by);
        if (mongo.exists(Query.query(Criteria.where("_id").is(target.getId())), SalesTarget.class)) {
            throw exists(target);
        }
        try {
            return store.insert(target);
        } catch (DuplicateKeyException setMeanwhile) {
            // the id is the period and scope: the database refused a second target set at the same moment
            throw exists(target);
        }
    }

    private static Conflict exists(SalesTarget target) {
        return new Conflict("target-exists", "Target already set",
                "There is already a target " + target.getId() + "; change it with PUT").with("targetId", target.getId());
    }

    public SalesTarget change(String id, ExpectedVersion expected, int orders, int deliveries, Money revenue, Actor by) {
        return store.change(SalesTarget.class, id, expected, target -> target.change(orders, deliveries, revenue, clock.instant(), by));
    }

    public SalesTarget get(String id) {
        return store.find(SalesTarget.class, id);
    }

    /** The targets of a period ({@code 2026-12} or {@code 2026}); all when none is given. */
    public List<SalesTarget> of(String period) {
        Query query = period == null ? new Query() : Query.query(Criteria.where("period").is(period));
        return mongo.find(query.with(Sort.by("period", "scope", "_id")), SalesTarget.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
