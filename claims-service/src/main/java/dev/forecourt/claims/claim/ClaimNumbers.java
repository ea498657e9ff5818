package dev.forecourt.claims.claim;

import java.time.Clock;
import java.time.Year;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Hands out claim numbers {@code WC-<store>-<year>-<sequence>}: unique per store (a single atomic
 * {@code $inc}), readable on the phone, and the OEM's idempotency key, so they are never reused.
 */
@Component
public class ClaimNumbers {

    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final Clock clock;

    public ClaimNumbers(MongoTemplate mongo, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    @Document("claim_number_sequences")
    record Sequence(@Id String id, long value) {
    }

    public String next() {
        int year = Year.now(clock.withZone(store.timeZone())).getValue();
        String key = store.storeId() + "-" + year;
        Sequence sequence = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Sequence.class);
        return "WC-%s-%d-%06d".formatted(store.storeId(), year, sequence.value());
    }
}
