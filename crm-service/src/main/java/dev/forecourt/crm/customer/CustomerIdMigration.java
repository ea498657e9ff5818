package dev.forecourt.crm.customer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves profiles stored under the old id {@code customer-<digits>} to the shared customer reference
 * {@code cust-<digits>}, with the callbacks and complaints that name them (their versions move, so a
 * copy read before the move cannot be written back), and gives profiles stored before message
 * consent existed the consent they had for calls. Runs at start-up; a second run finds nothing to do.
 */
@Component
class CustomerIdMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CustomerIdMigration.class);
    static final String OLD_PREFIX = "customer-";

    private final MongoTemplate mongo;

    CustomerIdMigration(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        int moved = 0;
        for (Document profile : mongo.find(Query.query(Criteria.where("_id").regex("^" + OLD_PREFIX)), Document.class, "customers")) {
            String oldId = profile.getString("_id");
            String newId = Customer.ID_PREFIX + oldId.substring(OLD_PREFIX.length());
            profile.put("_id", newId);
            profile.put("version", profile.get("version") instanceof Number n ? n.longValue() + 1 : 0L);
            try {
                mongo.insert(profile, "customers");
            } catch (DuplicateKeyException movedAlready) {
                // an earlier run moved it and stopped before deleting the old one
            }
            mongo.remove(Query.query(Criteria.where("_id").is(oldId)), "customers");
            for (String collection : new String[] {"callbacks", "complaints"}) {
                mongo.updateMulti(Query.query(Criteria.where("customerId").is(oldId)),
                        new Update().set("customerId", newId).inc("version", 1), collection);
            }
            moved++;
        }
        for (Document profile : mongo.find(Query.query(Criteria.where("messageConsent").exists(false)), Document.class, "customers")) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(profile.get("_id")).and("messageConsent").exists(false)),
                    new Update().set("messageConsent", Boolean.TRUE.equals(profile.getBoolean("callConsent"))).inc("version", 1),
                    "customers");
        }
        if (moved > 0) {
            log.info("Moved {} customer profiles to the shared customer reference cust-<mobile>", moved);
        }
    }
}
