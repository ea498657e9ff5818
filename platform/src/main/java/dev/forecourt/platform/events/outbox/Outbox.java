package dev.forecourt.platform.events.outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventTypes;
import dev.forecourt.platform.store.ForecourtProperties;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts events into the outbox. Saving an {@link OutboxAggregate} does this by itself; code that
 * changes a document with an atomic conditional update (e.g. "decrement stock only where enough
 * is on hand") adds the events to the same update with {@link #append} and then calls
 * {@link #wake}.
 */
public class Outbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Outbox.class);

    private final ForecourtProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public Outbox(ForecourtProperties properties, JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer,
                  MongoTemplate mongo, OutboxRelay relay) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.tracer = tracer;
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Adds the events to an update of the aggregate's own document, so they are written atomically with it. */
    public Update append(Update update, DomainEvent... events) {
        Object[] pending = Arrays.stream(events).map(this::envelope).toArray();
        return update.push(OutboxAggregate.PENDING_EVENTS).each(pending);
    }

    /** Tells the relay that the document has new events: they are published promptly, not at the next sweep. */
    public void wake(Class<?> aggregateType, Object id) {
        relay.wake(mongo.getCollectionName(aggregateType), id);
    }

    PendingEvent envelope(DomainEvent event) {
        String type = EventTypes.typeOf(event);
        PendingEvent pending = new PendingEvent(UUID.randomUUID().toString(), type, EventTypes.topicOf(type), event.aggregateId(),
                clock.instant(), properties.storeId(), currentTraceparent(), json.writeValueAsString(event));
        // On the request's thread, so the line carries its trace id: the same id the event carries on.
        log.info("Recorded {} {} about {}", type, pending.eventId(), pending.subject());
        return pending;
    }

    private String currentTraceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        var context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
