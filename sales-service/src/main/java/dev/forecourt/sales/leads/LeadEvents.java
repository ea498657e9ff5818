package dev.forecourt.sales.leads;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** A lead closed: won (成交) or lost (战败) with its reason. The subject is the lead id. */
public final class LeadEvents {

    private LeadEvents() {
    }

    @EventType("forecourt.sales.lead-won.v1")
    public record LeadWon(String leadId, String customerName, String customerPhone, LeadSource source, String model,
                          String consultantId, String consultantName, String salesOrderId, Instant wonAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }

    @EventType("forecourt.sales.lead-lost.v1")
    public record LeadLost(String leadId, String customerName, String customerPhone, LeadSource source, String model,
                           String consultantId, String consultantName, String reason, Instant lostAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return leadId;
        }
    }
}
