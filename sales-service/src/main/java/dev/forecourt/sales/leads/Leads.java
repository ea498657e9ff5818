package dev.forecourt.sales.leads;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.sales.config.SalesSettings;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import io.micrometer.core.instrument.MeterRegistry;

/** The consultants' lead book. */
@Service
public class Leads {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SalesSettings settings;
    private final MeterRegistry meters;
    private final AggregateStore store;

    public Leads(MongoTemplate mongo, Clock clock, SalesSettings settings, MeterRegistry meters, AggregateStore store) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.store = store;
    }

    public Lead open(Customer customer, LeadSource source, Interest interest, Consultant consultant, Actor by) {
        Lead lead = Lead.open("lead-" + UUID.randomUUID(), customer, source, interest, consultant, clock.instant(), by);
        meters.counter("forecourt.leads.opened", "source", source.name()).increment();
        return store.insert(lead);
    }

    public Lead logContact(String id, ExpectedVersion expected, ContactChannel channel, String note, Actor by) {
        return store.change(Lead.class, id, expected, lead -> lead.logContact(channel, note, clock.instant(), by));
    }

    public Lead advance(String id, ExpectedVersion expected, LeadStatus target, Actor by) {
        return store.change(Lead.class, id, expected, lead -> lead.advanceTo(target, clock.instant(), by));
    }

    public Lead win(String id, ExpectedVersion expected, String salesOrderId, Actor by) {
        Lead won = store.change(Lead.class, id, expected, lead -> lead.win(salesOrderId, clock.instant(), by));
        meters.counter("forecourt.leads.won").increment();
        return won;
    }

    public Lead lose(String id, ExpectedVersion expected, String reason, Actor by) {
        Lead lost = store.change(Lead.class, id, expected, lead -> lead.lose(reason, clock.instant(), by));
        meters.counter("forecourt.leads.lost").increment();
        return lost;
    }

    public Lead assign(String id, ExpectedVersion expected, Consultant consultant, Actor by) {
        return store.change(Lead.class, id, expected, lead -> lead.assignTo(consultant, clock.instant(), by));
    }

    /** A completed test drive moves its lead to TEST_DRIVEN unless the lead is new, already further on or closed. */
    public void testDriven(String id, Actor by) {
        Lead found = mongo.findById(id, Lead.class);
        if (found != null && movesOnByATestDrive(found)) {
            store.change(Lead.class, id, ExpectedVersion.ANY, lead -> {
                if (movesOnByATestDrive(lead)) {
                    lead.advanceTo(LeadStatus.TEST_DRIVEN, clock.instant(), by);
                }
            });
        }
    }

    private static boolean movesOnByATestDrive(Lead lead) {
        return lead.getStatus().isOpen() && lead.getStatus() != LeadStatus.NEW && !lead.reached(LeadStatus.TEST_DRIVEN);
    }

    public Lead get(String id) {
        return store.find(Lead.class, id);
    }

    public boolean contactOverdue(Lead lead) {
        return lead.contactOverdue(clock.instant(), settings.leadContactWithin());
    }

    public Page<Lead> list(LeadStatus status, String consultantId, boolean overdueOnly, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        if (consultantId != null && !consultantId.isBlank()) {
            parts.add(Criteria.where("consultant.id").is(consultantId));
        }
        if (overdueOnly) {
            // Same rule as Lead.contactOverdue, expressed as a query.
            parts.add(Criteria.where("firstContactedAt").is(null));
            parts.add(Criteria.where("status").is(LeadStatus.NEW));
            parts.add(Criteria.where("createdAt").lt(clock.instant().minus(settings.leadContactWithin())));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = mongo.count(query, Lead.class);
        query.with(paging.sortedBy(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))));
        return Page.of(mongo.find(query, Lead.class), paging, total);
    }
}
