package dev.forecourt.platform.events.consume;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The event ids a consumer group has applied, kept in the service's own database. */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A find by {@code _id}, not {@code exists()}: Spring Data counts for that, through an aggregation, which
     * the MongoDB stand-in answers by matching every document of the collection — every event the group
     * ever applied, so each event cost more than the last (docs/benchmarks.md, 2026-12-07, consumers).
     */
    public boolean contains(String consumerGroup, String eventId) {
        Query byId = Query.query(Criteria.where("_id").is(key(consumerGroup, eventId)));
        byId.fields().include("_id");
        return mongo.findOne(byId, Document.class, COLLECTION) != null;
    }

    public void remember(String consumerGroup, IncomingEvent event) {
        try {
            mongo.insert(new Document("_id", key(consumerGroup, event.id()))
                    .append("type", event.type())
                    .append("subject", event.subject())
                    .append("processedAt", Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // A redelivery raced us: it is remembered either way.
        }
    }

    private static String key(String consumerGroup, String eventId) {
        return consumerGroup + ":" + eventId;
    }
}
