package dev.forecourt.hr.persistence;

import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Writes a changed aggregate back without touching its outbox fields.
 *
 * <p>Why not {@code MongoTemplate.save}: it replaces the whole document with the state as it was
 * loaded, including {@code pendingEvents} and {@code outboxLease}. When the relay publishes (or has
 * leased) the document between our read and our write, the replace puts already-published events
 * back (they go out twice) and re-sets a lease the relay has already released (the new event waits
 * up to the 30 s lease). The relay's writes do not bump {@code @Version}, so optimistic locking does
 * not catch it. Here the state is {@code $set} field by field, the version is checked and increased,
 * and the new events are {@code $push}ed with {@link Outbox#append}: one conditional single-document
 * write, as the service guide prescribes for atomic updates.
 */
@Component
public class AggregateStore {

    private static final Set<String> NOT_STATE = Set.of("_id", "version", OutboxAggregate.PENDING_EVENTS, OutboxAggregate.OUTBOX_LEASE);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public AggregateStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Stores the aggregate's state and new events if nobody changed it since it was read; answers it as stored. */
    @SuppressWarnings("unchecked")
    public <T extends OutboxAggregate> T update(T aggregate, Object id) {
        Class<T> type = (Class<T>) aggregate.getClass();
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        Set<String> written = new HashSet<>();
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
                written.add(field);
            }
        });
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!NOT_STATE.contains(field) && !written.contains(field) && !property.isTransient()) {
                update.unset(field);
            }
        });
        update.inc("version", 1);
        if (!aggregate.newEvents().isEmpty()) {
            outbox.append(update, aggregate.newEvents().toArray(DomainEvent[]::new));
        }
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(aggregate.getVersion()));
        if (mongo.updateFirst(unchanged, update, type).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id + " was changed by someone else");
        }
        if (!aggregate.newEvents().isEmpty()) {
            outbox.wake(type, id);
        }
        return mongo.findById(id, type);
    }
}
