package dev.forecourt.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * A loaded customer is written back through the platform's {@link AggregateStore}: a full
 * {@code MongoTemplate.save} would fail the first test by writing the relay's lease back.
 */
@ForecourtServiceTest
class CustomerWriteTest {

    static final Actor TEST = new Actor("emp-test", "test", "Test", "customer-service-specialist");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStore aggregates;

    Customer stored() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return aggregates.insert(Customer.registered("store-001", "赵六", phone, Contacts.none(), true, true, null, "STAFF", TEST, Instant.now()));
    }

    @Test
    void aCopyLoadedDuringARelayLeaseDoesNotWriteTheLeaseBack() {
        // The relay updates by collection name, which leaves the version alone: that is what makes a full save unsafe.
        Customer customer = stored();
        Query byId = Query.query(Criteria.where("_id").is(customer.getId()));
        // Let the relay publish CustomerRegistered first, so the only lease is the one this test writes.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            Document stored = mongo.findById(customer.getId(), Document.class, "customers");
            return stored.getList(OutboxAggregate.PENDING_EVENTS, Object.class, java.util.List.of()).isEmpty()
                    && !stored.containsKey(OutboxAggregate.OUTBOX_LEASE);
        });
        mongo.updateFirst(byId, new Update().set(OutboxAggregate.OUTBOX_LEASE, Date.from(Instant.now().plusSeconds(30))), "customers");
        Customer loadedDuringLease = mongo.findById(customer.getId(), Customer.class);
        mongo.updateFirst(byId, new Update().unset(OutboxAggregate.OUTBOX_LEASE), "customers");

        // A change that raises no event, so the relay has nothing to lease afterwards either.
        loadedDuringLease.recordPurchase(new Purchase("so-lease", "LSVAB4BM7RN000001", "Volkswagen", "Lavida",
                java.time.LocalDate.of(2026, 5, 1), Instant.now(), "c-1", "C"), 12, "x", Instant.now());
        aggregates.update(loadedDuringLease);

        Document document = mongo.findById(customer.getId(), Document.class, "customers");
        assertThat(document).doesNotContainKey(OutboxAggregate.OUTBOX_LEASE);
        assertThat(document.getList("purchases", Object.class)).hasSize(1);
        assertThat(document.get("club")).isNull();
        assertThat(document.getLong("version")).isEqualTo(customer.getVersion() + 1);
    }

    @Test
    void aStaleCopyIsRefused() {
        Customer customer = stored();
        Customer first = mongo.findById(customer.getId(), Customer.class);
        Customer second = mongo.findById(customer.getId(), Customer.class);
        first.edit("A", null, true, null, null, TEST, Instant.now());
        aggregates.update(first);

        second.edit("B", null, true, null, null, TEST, Instant.now());
        assertThatThrownBy(() -> aggregates.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(mongo.findById(customer.getId(), Customer.class).getName()).isEqualTo("A");
    }

    @Autowired
    CustomerIdMigration migration;

    @Test
    void aProfileStoredUnderTheOldIdMovesToTheSharedReferenceWithItsCallbacks() {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        mongo.insert(new Document("_id", "customer-" + phone).append("phone", phone).append("name", "老档案")
                .append("callConsent", true).append("status", "ACTIVE").append("version", 3L), "customers");
        mongo.insert(new Document("_id", "cb-old-" + phone).append("customerId", "customer-" + phone).append("version", 1L), "callbacks");

        migration.run(null);
        migration.run(null);

        Document moved = mongo.findById("cust-" + phone, Document.class, "customers");
        assertThat(moved.getString("name")).isEqualTo("老档案");
        assertThat(moved.getBoolean("messageConsent")).isTrue();
        assertThat(mongo.findById("customer-" + phone, Document.class, "customers")).isNull();
        Document callback = mongo.findById("cb-old-" + phone, Document.class, "callbacks");
        assertThat(callback.getString("customerId")).isEqualTo("cust-" + phone);
        assertThat(callback.getLong("version")).isEqualTo(2L);
        assertThat(mongo.findById("cust-" + phone, Customer.class).getPhone()).isEqualTo(phone);
    }
}
