package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** Order numbers keep counting where the workshop's own counter stopped, in the platform's one sequences collection. */
class OrderNumberTest extends WorkshopIntegrationTest {

    @Autowired
    RepairOrders orders;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theOldCounterIsCarriedOverOnceAndNumbersNeverRepeat() {
        mongo.upsert(query(where("_id").is("repair-order-2099")), new Update().set("value", 41L), "sequences");
        orders.carryOverTheOldOrderNumberCounter();
        orders.carryOverTheOldOrderNumberCounter();

        assertThat(mongo.findById("RO-2099", org.bson.Document.class, "sequences").get("value")).isEqualTo(41L);
        assertThat(mongo.findById("repair-order-2099", org.bson.Document.class, "sequences")).isNull();
        assertThat(orders.nextOrderNumber()).matches("RO\\d{4}\\d{6}");
    }
}
