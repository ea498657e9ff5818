package dev.forecourt.workshop.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Writes a changed aggregate as ONE conditional update (state + new events, guarded by the
 * version) instead of {@code save}, which replaces the whole document.
 *
 * <p>Why: the outbox relay changes {@code pendingEvents} and {@code outboxLease} without bumping
 * the version. A replace of a copy loaded while the relay was working writes its lease and the
 * already-published events back: those are published twice and, worse, the restored lease blocks
 * the relay for 30 s, so the next events of a busy order arrive half a minute late. Setting only
 * the state fields and pushing only the new events leaves the relay's fields alone.
 */
@Component
public class AggregateUpdates {

    private static final Set<String> NOT_STATE = Set.of("_id", "_class", "version",
            OutboxAggregate.PENDING_EVENTS, OutboxAggregate.OUTBOX_LEASE);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    AggregateUpdates(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** @throws OptimisticLockingFailureException when someone else changed it since it was loaded */
    public void update(OutboxAggregate aggregate, Object id) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
            }
        });
        update.inc("version", 1);
        List<DomainEvent> events = aggregate.newEvents();
        if (!events.isEmpty()) {
            outbox.append(update, events.toArray(DomainEvent[]::new));
        }
        var result = mongo.updateFirst(query(where("_id").is(id).and("version").is(aggregate.getVersion())), update,
                aggregate.getClass());
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(aggregate.getClass().getSimpleName() + " " + id + " was changed meanwhile");
        }
        if (!events.isEmpty()) {
            outbox.wake(aggregate.getClass(), id);
        }
    }
}
