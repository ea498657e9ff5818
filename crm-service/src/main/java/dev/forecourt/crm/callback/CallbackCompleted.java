package dev.forecourt.crm.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.customer.ChurnReason;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A customer was reached and the call's answers recorded. The workshop reacts to
 * {@code reworkRequested}; this service itself opens complaints, verifies resolutions and records
 * churn reasons from it, so those steps follow reliably from the outbox even after a crash.
 */
@EventType("forecourt.crm.callback-completed.v1")
public record CallbackCompleted(String callbackId, String customerId, String customerName, String customerPhone, CallbackKind kind,
                                String department, String staffId, String staffName, String salesOrderId,
                                String repairOrderId, String complaintId, String vin, Questionnaire scores,
                                BigDecimal csi, String customerWords, boolean complaintRequested,
                                boolean lowScore, Map<String, Integer> lowScores, boolean reworkRequested,
                                String complaintSummary, ComplaintSeverity complaintSeverity, Boolean resolutionAccepted, ChurnReason churnReason, Instant completedAt,
                                String completedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return callbackId;
    }
}
