package dev.forecourt.claims.claim;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claim numbers used to be counted in their own {@code claim_number_sequences} collection; they
 * are counted in the platform's {@code sequences} now. At start-up, before anything drafts a
 * claim, the old counters are carried over (never lowering a counter), so no number is handed out
 * twice, and the old collection is dropped.
 */
@Component
class LegacyClaimNumberCounters {

    static final String LEGACY = "claim_number_sequences";
    private static final Logger log = LoggerFactory.getLogger(LegacyClaimNumberCounters.class);

    private final MongoTemplate mongo;

    LegacyClaimNumberCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void carryOver() {
        if (!mongo.collectionExists(LEGACY)) {
            return;
        }
        int carried = 0;
        for (Document old : mongo.findAll(Document.class, LEGACY)) {
            // the old key was "<store>-<year>"
            String name = "WC-" + old.getString("_id");
            long value = ((Number) old.get("value")).longValue();
            mongo.upsert(Query.query(Criteria.where("_id").is(name)), new Update().max("value", value), "sequences");
            carried++;
        }
        mongo.dropCollection(LEGACY);
        log.info("Carried {} claim number counter(s) over to the sequences collection", carried);
    }
}
