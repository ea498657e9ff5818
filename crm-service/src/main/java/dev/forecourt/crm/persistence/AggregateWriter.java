package dev.forecourt.crm.persistence;

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
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Writes a changed, previously stored aggregate as ONE update guarded by its version: the state
 * fields are set and only the newly raised events are pushed to the outbox.
 *
 * <p>Why not {@code MongoTemplate.save}: save replaces the whole document, while the platform's
 * outbox relay changes {@code pendingEvents} and {@code outboxLease} without bumping the version.
 * A copy loaded while the relay was publishing would write the published events (sent again) and
 * the relay's 30-second lease back, holding the aggregate's next events (e.g. ComplaintResolved,
 * which plans the verification call) for up to 30 s. New aggregates are still inserted normally.
 */
@Component
public class AggregateWriter {

    private static final String VERSION = "version";
    private static final Set<String> NOT_STATE = Set.of("_id", "_class", VERSION,
            OutboxAggregate.PENDING_EVENTS, OutboxAggregate.OUTBOX_LEASE);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public AggregateWriter(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Inserts a new aggregate or updates a loaded one; see {@link #update}. */
    public <T extends OutboxAggregate> T save(T aggregate, Object id) {
        return aggregate.getVersion() == null ? mongo.insert(aggregate) : update(aggregate, id);
    }

    /**
     * @return the aggregate as now stored (new version)
     * @throws OptimisticLockingFailureException when it changed since it was loaded (answered 409 version-conflict)
     */
    @SuppressWarnings("unchecked")
    public <T extends OutboxAggregate> T update(T aggregate, Object id) {
        Class<T> type = (Class<T>) aggregate.getClass();
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
            }
        });
        absentFields(type, state).forEach(update::unset);
        List<DomainEvent> events = aggregate.newEvents();
        if (!events.isEmpty()) {
            outbox.append(update, events.toArray(DomainEvent[]::new));
        }
        update.inc(VERSION, 1);
        Query unchanged = Query.query(Criteria.where("_id").is(id).and(VERSION).is(aggregate.getVersion()));
        T stored = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), type);
        if (stored == null) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id + " was changed concurrently");
        }
        if (!events.isEmpty()) {
            outbox.wake(type, id);
        }
        return stored;
    }

    /** Properties that are null now: the converter leaves them out, so they are unset explicitly. */
    private Set<String> absentFields(Class<?> type, Document state) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Set<String> absent = new HashSet<>();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (!state.containsKey(field) && !NOT_STATE.contains(field) && !property.isTransient()) {
                absent.add(field);
            }
        });
        return absent;
    }
}
