package dev.forecourt.workshop.appointment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts what a slot holds with one atomic conditional upsert per counter: "add one where fewer
 * than capacity are taken". When the counter is full the condition does not match, the upsert
 * tries to insert the same {@code _id} again and the unique id refuses it, so no read-then-write
 * race can overbook a slot.
 */
@Component
class SlotCapacity {

    static final String COLLECTION = "slot_capacity";

    private final MongoTemplate mongo;

    SlotCapacity(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean take(String key, int capacity) {
        try {
            mongo.findAndModify(query(where("_id").is(key).and("taken").lt(capacity)), new Update().inc("taken", 1),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException full) {
            return false;
        }
    }

    void giveBack(String key) {
        mongo.updateFirst(query(where("_id").is(key).and("taken").gt(0)), new Update().inc("taken", -1), COLLECTION);
    }
}
