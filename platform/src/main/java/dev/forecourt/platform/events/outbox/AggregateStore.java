package dev.forecourt.platform.events.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.VersionConflict;
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
 *
 * <p>Application services change an aggregate with {@link #change}: load, check the version the
 * caller read (from {@code If-Match} or the body), apply the change, write. When the caller gave no
 * version, a change that loses a race is re-applied to a fresh copy a few times, so the change must
 * only touch the aggregate (no calls out, no events raised elsewhere).
 */
public class AggregateStore {

    /** How often a change without an expected version is tried before it answers version-conflict. */
    static final int ATTEMPTS = 10;

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
        return OutboxCallbacks.viaStore(() -> mongo.insert(aggregate));
    }

    /**
     * Loads the aggregate by id, checks the expected version, applies the change and writes it.
     *
     * @throws NotFound        when there is no such aggregate
     * @throws VersionConflict when the stored version is not the expected one, or the retries ran out
     */
    public <T extends OutboxAggregate> T change(Class<T> type, Object id, ExpectedVersion expected, Consumer<? super T> change) {
        return change(() -> find(type, id), expected, change);
    }

    /** As {@link #change(Class, Object, ExpectedVersion, Consumer)}, loading with the caller's query (by number, by store …). */
    public <T extends OutboxAggregate> T change(Supplier<T> load, ExpectedVersion expected, Consumer<? super T> change) {
        return changeReturning(load, expected, aggregate -> {
            change.accept(aggregate);
            return aggregate;
        }).aggregate();
    }

    /** A change that also answers something (an outcome, the line it added) beside the stored aggregate. */
    public <T extends OutboxAggregate, R> Changed<T, R> changeReturning(Supplier<T> load, ExpectedVersion expected,
                                                                        Function<? super T, R> change) {
        for (int attempt = 1; ; attempt++) {
            T aggregate = load.get();
            if (!expected.matches(aggregate.getVersion())) {
                throw new VersionConflict(aggregate.getClass().getSimpleName(), idOf(aggregate), aggregate.getVersion());
            }
            R result = change.apply(aggregate);
            try {
                return new Changed<>(update(aggregate), result);
            } catch (OptimisticLockingFailureException lostRace) {
                if (expected.isGiven() || attempt >= ATTEMPTS) {
                    throw new VersionConflict(aggregate.getClass().getSimpleName(), idOf(aggregate), null);
                }
                backOff(attempt);
            }
        }
    }

    /** A short random pause, so writers that collided do not collide again in lockstep. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + 3L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored aggregate and what the change answered. */
    public record Changed<T, R>(T aggregate, R result) {
    }

    /** @throws NotFound when there is no aggregate of this type with this id */
    public <T extends OutboxAggregate> T find(Class<T> type, Object id) {
        T found = mongo.findById(id, type);
        if (found == null) {
            throw new NotFound(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2"), id);
        }
        return found;
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

    private Object idOf(OutboxAggregate aggregate) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass())
                .getIdentifierAccessor(aggregate).getRequiredIdentifier();
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
