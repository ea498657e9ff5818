package dev.forecourt.sales.leads;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * Facts of a lead's life: opened, contacted, moved on, reassigned, won (成交) or lost (战败). The
 * subject is the lead id; every event names the prospect by {@code customerId} ({@code cust-<mobile>}).
 */
public final class LeadEvents {

    private LeadEvents() {
    }

    @EventType("forecourt.sales.lead-opened.v1")
    public record LeadOpened(String leadId, String customerId, String customerName, String customerPhone, LeadSource source,
                             String model, String trim, String consultantId, String consultantName, Instant openedAt,
                             String openedBy, Instant firstContactDue) implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-contacted.v1")
    public record LeadContacted(String leadId, String customerId, String customerPhone, LeadRecords.ContactChannel channel,
                                String note, LeadStatus status, boolean firstContact, Instant contactedAt, String contactedBy,
                                String contactedByName, Instant nextContactAt, IntentGrade intentGrade) implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-advanced.v1")
    public record LeadAdvanced(String leadId, String customerId, LeadStatus from, LeadStatus to, Instant advancedAt,
                               String advancedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-reassigned.v1")
    public record LeadReassigned(String leadId, String customerId, String fromConsultantId, String fromConsultantName,
                                 String toConsultantId, String toConsultantName, Instant reassignedAt, String reassignedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-won.v1")
    public record LeadWon(String leadId, String customerId, String customerName, String customerPhone, LeadSource source,
                          String model, String consultantId, String consultantName, String salesOrderId, Instant wonAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-lost.v1")
    public record LeadLost(String leadId, String customerId, String customerName, String customerPhone, LeadSource source,
                           String model, String consultantId, String consultantName, String reason, LostReason reasonCode,
                           Instant lostAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }
}
