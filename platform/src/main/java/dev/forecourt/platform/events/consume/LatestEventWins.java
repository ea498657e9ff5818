package dev.forecourt.platform.events.consume;

import java.time.Instant;
import java.util.Date;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps a read model of another service's aggregate (a roster of employees from hr's events, say)
 * right when events arrive out of order: an event changes the document only when it is newer than
 * the last one applied ({@value #AS_OF} holds that event's time), so a late "hired" never
 * resurrects an employee who left. Every roster applies events this way.
 */
public class LatestEventWins {

    public static final String AS_OF = "asOf";

    private final MongoTemplate mongo;

    public LatestEventWins(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to the document {@code id} of {@code collection} (creating it if
     * absent) unless an event at or after {@code eventTime} was applied already.
     *
     * @return whether it was applied; false means the event was stale and changed nothing
     */
    public boolean apply(String collection, Object id, Instant eventTime, Update update) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where(AS_OF).lt(Date.from(eventTime)), Criteria.where(AS_OF).exists(false)));
        try {
            mongo.upsert(olderOrAbsent, update.set(AS_OF, Date.from(eventTime)), collection);
            return true; // matched an older document, or created the first one
        } catch (DuplicateKeyException newerApplied) {
            // The document exists with a newer asOf: the upsert tried to insert a second one with the same id.
            return false;
        }
    }
}
