package dev.forecourt.parts.suppliers;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** The store's suppliers: registered and edited by the parts manager, found by their code. */
@Service
public class Suppliers {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final ForecourtProperties store;
    private final Clock clock;

    Suppliers(MongoTemplate mongo, AggregateStore aggregates, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    /** @param code the supplier's short code, its id (e.g. {@code SVW-PDC}) */
    public Supplier register(String code, Supplier.Details details, Actor by) {
        String id = code.toUpperCase(Locale.ROOT);
        try {
            return aggregates.insert(Supplier.register(id, store.storeId(), details, by, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new Conflict("duplicate", "Already exists", "Supplier " + id + " is already registered");
        }
    }

    public Supplier change(String id, Supplier.Details details, ExpectedVersion expected, Actor by) {
        java.time.Instant now = clock.instant();
        return aggregates.change(Supplier.class, id, expected, supplier -> supplier.change(details, by, now));
    }

    public Supplier require(String id) {
        Supplier supplier = mongo.findById(id, Supplier.class);
        if (supplier == null) {
            throw new NotFound("Supplier", id);
        }
        return supplier;
    }

    public List<Supplier> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Supplier.class);
    }
}
