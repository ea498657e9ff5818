package dev.forecourt.platform.events.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.events.DomainEvent;

/**
 * Writes aggregates so that their state and their new events are one atomic document write,
 * without ever writing back what the outbox relay changed.
 *
 * <p>{@code MongoTemplate.save} replaces the whole document: a copy read while the relay was
 * publishing would put back the events just published (sent twice) and the relay's old lease.
 * {@link #update} instead sets the state fields, pushes only the new events and bumps the version,
 * in one update guarded by the version the aggregate was read with; a concurrent change makes it
 * fail with {@link OptimisticLockingFailureException} (answered 409 {@code version-conflict}).
 */
public class AggregateStore {

    private static final String ID = "_id";
    private static final String VERSION = "version";
    private static final Set<String> NOT_STATE = Set.of(ID, "_class", VERSION, OutboxAggregate.PENDING_EVENTS,
            OutboxAggregate.OUTBOX_LEASE, OutboxAggregate.OUTBOX_LEASE_OWNER);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public AggregateStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Stores a new aggregate with its events; a duplicate id fails with {@code DuplicateKeyException} (409). */
    public <T extends OutboxAggregate> T insert(T aggregate) {
        return mongo.insert(aggregate);
    }

    /** Inserts a new aggregate (never stored: no version yet) or updates a stored one. */
    public <T extends OutboxAggregate> T save(T aggregate) {
        return aggregate.getVersion() == null ? insert(aggregate) : update(aggregate);
    }

    /**
     * @return the aggregate as now stored (its new version, no events pending in memory)
     * @throws OptimisticLockingFailureException when it was changed since it was read
     */
    @SuppressWarnings("unchecked")
    public <T extends OutboxAggregate> T update(T aggregate) {
        Class<T> type = (Class<T>) aggregate.getClass();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Object id = entity.getIdentifierAccessor(aggregate).getRequiredIdentifier();
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
            }
        });
        clearedFields(entity, state).forEach(update::unset);
        List<DomainEvent> events = aggregate.drainNewEvents();
        if (!events.isEmpty()) {
            outbox.append(update, events.toArray(DomainEvent[]::new));
        }
        update.inc(VERSION, 1);
        Query unchanged = Query.query(Criteria.where(ID).is(id).and(VERSION).is(aggregate.getVersion()));
        T stored = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), type);
        if (stored == null) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id + " was changed concurrently");
        }
        if (!events.isEmpty()) {
            outbox.wake(type, id);
        }
        return stored;
    }

    /** Fields that are null now: the converter leaves them out of the document, so they are unset explicitly. */
    private static Set<String> clearedFields(MongoPersistentEntity<?> entity, Document state) {
        Set<String> cleared = new HashSet<>();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (!state.containsKey(field) && !NOT_STATE.contains(field)) {
                cleared.add(field);
            }
        });
        return cleared;
    }
}
