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

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.common.SalesSettings;
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
    private final AggregateStore aggregates;

    public Leads(MongoTemplate mongo, Clock clock, SalesSettings settings, MeterRegistry meters, AggregateStore aggregates) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.aggregates = aggregates;
    }

    public Lead open(Customer customer, LeadSource source, Interest interest, Consultant consultant, Staff by) {
        Lead lead = Lead.open("lead-" + UUID.randomUUID(), customer, source, interest, consultant, clock.instant(), by);
        meters.counter("forecourt.leads.opened", "source", source.name()).increment();
        return mongo.insert(lead);
    }

    public Lead logContact(String id, ContactChannel channel, String note, Staff by) {
        Lead lead = get(id);
        lead.logContact(channel, note, clock.instant(), by);
        return aggregates.update(lead);
    }

    public Lead advance(String id, LeadStatus target, Staff by) {
        Lead lead = get(id);
        lead.advanceTo(target, clock.instant(), by);
        return aggregates.update(lead);
    }

    public Lead win(String id, String salesOrderId, Staff by) {
        Lead lead = get(id);
        lead.win(salesOrderId, clock.instant(), by);
        meters.counter("forecourt.leads.won").increment();
        return aggregates.update(lead);
    }

    public Lead lose(String id, String reason, Staff by) {
        Lead lead = get(id);
        lead.lose(reason, clock.instant(), by);
        meters.counter("forecourt.leads.lost").increment();
        return aggregates.update(lead);
    }

    public Lead assign(String id, Consultant consultant) {
        Lead lead = get(id);
        lead.assignTo(consultant);
        return aggregates.update(lead);
    }

    /** A completed test drive moves its lead to TEST_DRIVEN unless the lead is already further on or closed. */
    public void testDriven(String id, Staff by) {
        Lead lead = mongo.findById(id, Lead.class);
        if (lead != null && lead.getStatus().isOpen() && !lead.reached(LeadStatus.TEST_DRIVEN) && lead.getStatus() != LeadStatus.NEW) {
            lead.advanceTo(LeadStatus.TEST_DRIVEN, clock.instant(), by);
            aggregates.update(lead);
        }
    }

    public Lead get(String id) {
        Lead lead = mongo.findById(id, Lead.class);
        if (lead == null) {
            throw ProblemException.notFound("Lead", id);
        }
        return lead;
    }

    public boolean contactOverdue(Lead lead) {
        return lead.contactOverdue(clock.instant(), settings.leadContactWithin());
    }

    public PageView<Lead> list(LeadStatus status, String consultantId, boolean overdueOnly, int page, int size) {
        PageView.check(page, size);
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
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, Lead.class), page, size, total);
    }
}
