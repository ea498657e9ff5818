package dev.forecourt.sales.leads;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
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
    private final ZoneId zone;

    public Leads(MongoTemplate mongo, Clock clock, SalesSettings settings, MeterRegistry meters, AggregateStore store,
                 ForecourtProperties properties) {
        this.zone = properties.timeZone();
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.store = store;
    }

    public Lead open(Customer customer, LeadSource source, Interest interest, Consultant consultant, Actor by) {
        Instant now = clock.instant();
        Lead lead = Lead.open("lead-" + UUID.randomUUID(), customer, source, interest, consultant, now,
                now.plus(settings.leadContactWithin()), by);
        meters.counter("forecourt.leads.opened", "source", source.name()).increment();
        return store.insert(lead);
    }

    public Lead logContact(String id, ExpectedVersion expected, ContactChannel channel, String note, IntentGrade grade,
                           Instant nextContactAt, Actor by) {
        IntentGradePolicy grading = settings.intentGradePolicy();
        return store.change(Lead.class, id, expected,
                lead -> lead.logContact(channel, note, grade, nextContactAt, grading, clock.instant(), by));
    }

    public Lead advance(String id, ExpectedVersion expected, LeadStatus target, Actor by) {
        return store.change(Lead.class, id, expected, lead -> lead.advanceTo(target, clock.instant(), by));
    }

    public Lead win(String id, ExpectedVersion expected, String salesOrderId, Actor by) {
        Lead won = store.change(Lead.class, id, expected, lead -> lead.win(salesOrderId, clock.instant(), by));
        meters.counter("forecourt.leads.won").increment();
        return won;
    }

    public Lead lose(String id, ExpectedVersion expected, LostReason code, String reason, Actor by) {
        Lead lost = store.change(Lead.class, id, expected, lead -> lead.lose(code, reason, clock.instant(), by));
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

    /** When a prospect of the lead's grade is expected to buy (null without a grade, or for grade C). */
    public Instant expectedPurchaseBy(Lead lead) {
        return lead.getIntentGrade() == null || lead.getGradedAt() == null ? null
                : settings.intentGradePolicy().expectedPurchaseBy(lead.getIntentGrade(), lead.getGradedAt());
    }

    /**
     * A consultant's follow-ups for today in the store's calendar: open leads whose next contact is
     * already past (overdue) or still ahead today (due), earliest first.
     */
    public FollowUps followUpsOf(String consultantId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
        Query query = Query.query(Criteria.where("consultant.id").is(consultantId).and("status").in(openStatuses())
                .and("nextContactAt").lt(endOfToday)).with(Sort.by("nextContactAt", "_id"));
        List<FollowUp> overdue = new ArrayList<>();
        List<FollowUp> due = new ArrayList<>();
        for (Lead lead : mongo.find(query, Lead.class)) {
            (lead.getNextContactAt().isBefore(now) ? overdue : due).add(FollowUp.of(lead));
        }
        return new FollowUps(today, consultantId, overdue, due);
    }

    /** The showroom supervisor's view: every consultant's overdue follow-ups, most overdue consultant first. */
    public List<OverdueFollowUps> overdueByConsultant() {
        Query query = Query.query(Criteria.where("status").in(openStatuses()).and("nextContactAt").lt(clock.instant()))
                .with(Sort.by("nextContactAt", "_id"));
        Map<String, List<Lead>> byConsultant = new LinkedHashMap<>();
        mongo.find(query, Lead.class).forEach(lead -> byConsultant.computeIfAbsent(lead.getConsultant().id(), k -> new ArrayList<>()).add(lead));
        return byConsultant.values().stream()
                .map(leads -> new OverdueFollowUps(leads.get(0).getConsultant().id(), leads.get(0).getConsultant().name(), leads.size(),
                        leads.get(0).getNextContactAt(), leads.stream().map(FollowUp::of).toList()))
                .sorted(Comparator.comparingInt(OverdueFollowUps::overdue).reversed().thenComparing(OverdueFollowUps::consultantId))
                .toList();
    }

    private static List<LeadStatus> openStatuses() {
        return Arrays.stream(LeadStatus.values()).filter(LeadStatus::isOpen).toList();
    }

    /** One planned contact on a consultant's list. */
    public record FollowUp(String leadId, String customerId, String customerName, String customerPhone, String model,
                           LeadStatus status, IntentGrade intentGrade, Instant nextContactAt, Instant lastContactAt) {
        static FollowUp of(Lead lead) {
            List<LeadRecords.Contact> contacts = lead.getContacts();
            return new FollowUp(lead.getId(), lead.getCustomer().customerId(), lead.getCustomer().name(), lead.getCustomer().phone(),
                    lead.getInterest() == null ? null : lead.getInterest().model(), lead.getStatus(), lead.getIntentGrade(),
                    lead.getNextContactAt(), contacts.isEmpty() ? null : contacts.get(contacts.size() - 1).at());
        }
    }

    /** A consultant's list for today (due and overdue). */
    public record FollowUps(LocalDate date, String consultantId, List<FollowUp> overdue, List<FollowUp> due) {
    }

    /** One consultant's overdue follow-ups, for the showroom supervisor. */
    public record OverdueFollowUps(String consultantId, String consultantName, int overdue, Instant oldestDueAt,
                                   List<FollowUp> leads) {
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
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")), paging, Lead.class);
    }
}
