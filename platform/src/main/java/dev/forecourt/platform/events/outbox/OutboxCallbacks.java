package dev.forecourt.platform.events.outbox;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Turns the events an aggregate raised into pending events as its document is written, and wakes
 * the relay once the write is acknowledged. Only {@link AggregateStore} may write an aggregate: a
 * Spring Data {@code save} or {@code MongoTemplate.save/insert} of one is refused, because a save of
 * a loaded copy replaces the document and would put back events the relay already published.
 */
public class OutboxCallbacks implements BeforeConvertCallback<OutboxAggregate>, AfterSaveCallback<OutboxAggregate> {

    private static final ThreadLocal<Boolean> VIA_STORE = ThreadLocal.withInitial(() -> false);

    static <T> T viaStore(java.util.function.Supplier<T> write) {
        boolean outer = VIA_STORE.get();
        VIA_STORE.set(true);
        try {
            return write.get();
        } finally {
            VIA_STORE.set(outer);
        }
    }

    private final ObjectProvider<Outbox> outbox;
    private final ObjectProvider<OutboxRelay> relay;

    public OutboxCallbacks(ObjectProvider<Outbox> outbox, ObjectProvider<OutboxRelay> relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    @Override
    public OutboxAggregate onBeforeConvert(OutboxAggregate aggregate, String collection) {
        if (!VIA_STORE.get()) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName() + " is an outbox aggregate: write it with "
                    + "AggregateStore.insert/change/update, never with a repository's or MongoTemplate's save or insert");
        }
        Outbox box = outbox.getObject();
        aggregate.drainNewEvents().forEach(event -> aggregate.addPending(box.envelope(event)));
        return aggregate;
    }

    @Override
    public OutboxAggregate onAfterSave(OutboxAggregate aggregate, Document document, String collection) {
        if (aggregate.hasPendingEvents()) {
            relay.getObject().wake(collection, document.get("_id"));
        }
        return aggregate;
    }
}
