package dev.forecourt.sales.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.LeadEvents.LeadAdvanced;
import dev.forecourt.sales.leads.LeadEvents.LeadContacted;
import dev.forecourt.sales.leads.LeadEvents.LeadLost;
import dev.forecourt.sales.leads.LeadEvents.LeadOpened;
import dev.forecourt.sales.leads.LeadEvents.LeadReassigned;
import dev.forecourt.sales.leads.LeadEvents.LeadWon;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.Contact;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import dev.forecourt.sales.leads.LeadRecords.StatusChange;

/** A prospect (潜在客户) followed by one consultant from first contact to won or lost. */
@Document("leads")
public class Lead extends OutboxAggregate {

    @Id
    private String id;
    private Customer customer;
    private LeadSource source;
    private Interest interest;
    private Consultant consultant;
    private LeadStatus status;
    private Instant createdAt;
    private Instant firstContactedAt;
    private List<Contact> contacts = new ArrayList<>();
    private List<StatusChange> history = new ArrayList<>();
    private Instant closedAt;
    private IntentGrade intentGrade;
    private Instant gradedAt;
    private Instant nextContactAt;
    private LostReason lostReasonCode;
    private String lostReason;
    private String salesOrderId;

    /** @param firstContactDue when the consultant must first contact the prospect (the store's allowed time) */
    public static Lead open(String id, Customer customer, LeadSource source, Interest interest, Consultant consultant,
                            Instant at, Instant firstContactDue, Actor by) {
        Lead lead = new Lead();
        lead.id = id;
        lead.customer = customer;
        lead.source = source;
        lead.interest = interest;
        lead.consultant = consultant;
        lead.status = LeadStatus.NEW;
        lead.createdAt = at;
        lead.nextContactAt = firstContactDue;
        lead.history.add(new StatusChange(LeadStatus.NEW, at, by.id()));
        lead.raise(new LeadOpened(id, customer.customerId(), customer.name(), customer.phone(), source,
                interest == null ? null : interest.model(), interest == null ? null : interest.trim(), consultant.id(),
                consultant.name(), at, by.id(), firstContactDue));
        return lead;
    }

    /**
     * Logs a contact with the next one planned (提出次日工作预定) and the prospect's intent grade; the
     * first contact moves a new lead to CONTACTED. Without a grade the lead keeps its grade (C when it
     * has none); without a date the next contact follows the grade's rhythm.
     */
    public void logContact(ContactChannel channel, String note, IntentGrade grade, Instant nextContact, IntentGradePolicy grading,
                           Instant at, Actor by) {
        requireOpen("log a contact on");
        IntentGrade newGrade = grade != null ? grade : intentGrade != null ? intentGrade : IntentGrade.C;
        Instant next = nextContact != null ? nextContact : grading.nextContactAfter(newGrade, at);
        if (!next.isAfter(at)) {
            throw new RuleViolated("next-contact-in-the-past", "Next contact not ahead",
                    "The next contact must be planned after this one (" + at + ")", new FieldProblem("nextContactAt", "must be in the future"));
        }
        if (newGrade != intentGrade || gradedAt == null) {
            gradedAt = at;
        }
        intentGrade = newGrade;
        nextContactAt = next;
        contacts.add(new Contact(at, channel, note, by.id(), by.displayName(), next, newGrade));
        boolean first = firstContactedAt == null;
        if (first) {
            firstContactedAt = at;
        }
        if (status == LeadStatus.NEW) {
            changeStatus(LeadStatus.CONTACTED, at, by, "Cannot contact a closed lead");
        }
        raise(new LeadContacted(id, customer.customerId(), customer.phone(), channel, note, status, first, at, by.id(),
                by.displayName(), next, newGrade));
    }

    /** Moves the lead forward in the funnel; it never goes back, and a new lead must be contacted first. */
    public void advanceTo(LeadStatus target, Instant at, Actor by) {
        requireOpen("advance");
        if (!target.isStage()) {
            throw new InvalidValue("Use the won/lost steps to close a lead", new FieldProblem("status", "must be a funnel stage"));
        }
        LeadStatus from = status;
        changeStatus(target, at, by, status == LeadStatus.NEW
                ? "Log a contact with the prospect before moving the lead on"
                : "A lead moves forward only: it is " + status + ", not before " + target);
        raise(new LeadAdvanced(id, customer.customerId(), from, target, at, by.id()));
        if (firstContactedAt == null) {
            firstContactedAt = at;
        }
    }

    /** Is this lead already in, or past, the given stage? Used when a test drive moves it on. */
    public boolean reached(LeadStatus stage) {
        return !status.isBefore(stage);
    }

    public void win(String orderId, Instant at, Actor by) {
        requireOpen("win");
        changeStatus(LeadStatus.WON, at, by, status == LeadStatus.NEW ? "A lead nobody contacted cannot be won" : "Cannot win a closed lead");
        salesOrderId = orderId;
        closedAt = at;
        nextContactAt = null;
        raise(new LeadWon(id, customer.customerId(), customer.name(), customer.phone(), source, interest == null ? null : interest.model(),
                consultant.id(), consultant.name(), orderId, at));
    }

    /**
     * Closes the lead as lost (战败) with a reason from the catalogue (OTHER when none is given) and the
     * consultant's words, which are mandatory: they are what the evening review discusses.
     */
    public void lose(LostReason code, String reason, Instant at, Actor by) {
        requireOpen("lose");
        if (reason == null || reason.isBlank()) {
            throw new RuleViolated("lost-reason-required", "Reason required",
                    "A lost lead needs a reason", new FieldProblem("reason", "must not be blank"));
        }
        changeStatus(LeadStatus.LOST, at, by, "Cannot lose a closed lead");
        lostReasonCode = code != null ? code : LostReason.OTHER;
        lostReason = reason.trim();
        closedAt = at;
        nextContactAt = null;
        raise(new LeadLost(id, customer.customerId(), customer.name(), customer.phone(), source, interest == null ? null : interest.model(),
                consultant.id(), consultant.name(), lostReason, lostReasonCode, at));
    }

    public void assignTo(Consultant next, Instant at, Actor by) {
        requireOpen("reassign");
        Consultant previous = consultant;
        consultant = next;
        raise(new LeadReassigned(id, customer.customerId(), previous.id(), previous.name(), next.id(), next.name(), at, by.id()));
    }

    /** Flagged when still not contacted after the store's allowed time. */
    public boolean contactOverdue(Instant now, Duration within) {
        return firstContactedAt == null && status.isOpen() && createdAt.plus(within).isBefore(now);
    }

    private void requireOpen(String step) {
        if (!status.isOpen()) {
            throw new IllegalTransition("Cannot " + step + " a closed lead", status);
        }
    }

    private void changeStatus(LeadStatus next, Instant at, Actor by, String refusal) {
        status = Lifecycle.requireTransition(status, next, refusal);
        history.add(new StatusChange(next, at, by.id()));
    }

    public String getId() { return id; }
    public Customer getCustomer() { return customer; }
    public LeadSource getSource() { return source; }
    public Interest getInterest() { return interest; }
    public Consultant getConsultant() { return consultant; }
    public LeadStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFirstContactedAt() { return firstContactedAt; }
    public List<Contact> getContacts() { return List.copyOf(contacts); }
    public List<StatusChange> getHistory() { return List.copyOf(history); }
    public Instant getClosedAt() { return closedAt; }
    public String getLostReason() { return lostReason; }
    public LostReason getLostReasonCode() { return lostReasonCode; }
    public IntentGrade getIntentGrade() { return intentGrade; }
    public Instant getGradedAt() { return gradedAt; }
    public Instant getNextContactAt() { return nextContactAt; }
    public String getSalesOrderId() { return salesOrderId; }
}
