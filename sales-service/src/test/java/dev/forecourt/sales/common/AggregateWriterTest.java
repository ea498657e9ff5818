package dev.forecourt.sales.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import dev.forecourt.sales.leads.LeadSource;
import dev.forecourt.sales.leads.LeadStatus;

@ForecourtServiceTest
class AggregateWriterTest {

    static final Staff SALES = new Staff("emp-sales", "sales", "Sales", "sales-consultant", List.of());

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateWriter writer;

    @Test
    void anUpdateLeavesTheRelaysLeaseAlone() {
        String id = "lead-writer-" + System.nanoTime();
        mongo.insert(Lead.open(id, new Customer("张伟", "13800000001"), LeadSource.PHONE, new Interest("Lavida", null, null),
                new Consultant("emp-sales", "Sales"), Instant.now(), SALES));
        Lead loaded = mongo.findById(id, Lead.class);
        // What the relay does while publishing: a lease, by collection name, so the version is not touched.
        Date lease = Date.from(Instant.now().plusSeconds(30));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(OutboxAggregate.OUTBOX_LEASE, lease), "leads");

        loaded.logContact(ContactChannel.PHONE, "called", Instant.now(), SALES);
        Lead stored = writer.update(loaded, id);

        assertThat(stored.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(stored.getVersion()).isEqualTo(loaded.getVersion() + 1);
        Document raw = mongo.findById(id, Document.class, "leads");
        assertThat(raw.getDate(OutboxAggregate.OUTBOX_LEASE)).isEqualTo(lease);
    }

    @Test
    void aStaleCopyIsRefused() {
        String id = "lead-writer-" + System.nanoTime();
        mongo.insert(Lead.open(id, new Customer("张伟", "13800000001"), LeadSource.PHONE, new Interest("Lavida", null, null),
                new Consultant("emp-sales", "Sales"), Instant.now(), SALES));
        Lead first = mongo.findById(id, Lead.class);
        Lead second = mongo.findById(id, Lead.class);
        first.logContact(ContactChannel.PHONE, "first", Instant.now(), SALES);
        writer.update(first, id);
        second.lose("no budget", Instant.now(), SALES);
        assertThatThrownBy(() -> writer.update(second, id)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(mongo.findById(id, Lead.class).getStatus()).isEqualTo(LeadStatus.CONTACTED);
    }
}
