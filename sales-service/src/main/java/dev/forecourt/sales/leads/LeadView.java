package dev.forecourt.sales.leads;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.Contact;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import dev.forecourt.sales.leads.LeadRecords.StatusChange;

/** A lead as the API shows it, with the not-contacted-in-time flag computed now. */
public record LeadView(String id, Customer customer, LeadSource source, Interest interest, Consultant consultant,
                       LeadStatus status, boolean contactOverdue, Instant createdAt, Instant firstContactedAt,
                       List<Contact> contacts, List<StatusChange> history, Instant closedAt, String lostReason,
                       LostReason lostReasonCode, String salesOrderId, String customerId, IntentGrade intentGrade,
                       Instant nextContactAt, Instant expectedPurchaseBy, Long version) implements Versioned {

    public static LeadView of(Lead l, boolean contactOverdue, Instant expectedPurchaseBy) {
        return new LeadView(l.getId(), l.getCustomer(), l.getSource(), l.getInterest(), l.getConsultant(), l.getStatus(),
                contactOverdue, l.getCreatedAt(), l.getFirstContactedAt(), l.getContacts(), l.getHistory(), l.getClosedAt(),
                l.getLostReason(), l.getLostReasonCode(), l.getSalesOrderId(), l.getCustomer().customerId(), l.getIntentGrade(),
                l.getNextContactAt(), expectedPurchaseBy, l.getVersion());
    }
}
