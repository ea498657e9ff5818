package dev.forecourt.platform.events.outbox;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Turns the events an aggregate raised into pending events as its document is written, and wakes
 * the relay once the write is acknowledged.
 */
public class OutboxCallbacks implements BeforeConvertCallback<OutboxAggregate>, AfterSaveCallback<OutboxAggregate> {

    private final ObjectProvider<Outbox> outbox;
    private final ObjectProvider<OutboxRelay> relay;

    public OutboxCallbacks(ObjectProvider<Outbox> outbox, ObjectProvider<OutboxRelay> relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    @Override
    public OutboxAggregate onBeforeConvert(OutboxAggregate aggregate, String collection) {
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
