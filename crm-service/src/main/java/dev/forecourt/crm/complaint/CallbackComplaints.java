package dev.forecourt.crm.complaint;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * Turns completed callbacks (this service's own CallbackCompleted, read back from its topic) into complaint work: a low score or the specialist's flag opens a
 * complaint (id {@code complaint-<callbackId>}, so a redelivered event opens nothing new), and a
 * verification callback closes or reopens its complaint.
 */
@Component
class CallbackComplaints {

    /** The fields of CallbackCompleted this reaction needs. */
    record CallbackCompleted(String callbackId, String customerId, String customerName, String customerPhone, String kind,
                             String department, String staffId, String repairOrderId, String salesOrderId,
                             String complaintId, String customerWords, boolean complaintRequested, boolean lowScore,
                             Map<String, Integer> lowScores, String complaintSummary, ComplaintSeverity complaintSeverity, Boolean resolutionAccepted,
                             String completedBy) {
    }

    private final Complaints complaints;
    private final AggregateStore aggregates;

    CallbackComplaints(Complaints complaints, AggregateStore aggregates) {
        this.complaints = complaints;
        this.aggregates = aggregates;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void on(CallbackCompleted callback) {
        if ("COMPLAINT_VERIFICATION".equals(callback.kind()) && callback.complaintId() != null) {
            aggregates.change(Complaint.class, callback.complaintId(), ExpectedVersion.ANY, c -> c.verified(
                    Boolean.TRUE.equals(callback.resolutionAccepted()), callback.callbackId(), callback.customerWords(),
                    complaints.resolutionTime(), callback.completedBy(), complaints.now()));
            return;
        }
        if (!callback.lowScore() && !callback.complaintRequested()) {
            return;
        }
        ComplaintSource source = callback.lowScore() ? ComplaintSource.LOW_SCORE : ComplaintSource.CALLBACK;
        complaints.open("complaint-" + callback.callbackId(), new Complaint.Details(source,
                callback.complaintSeverity() == null ? ComplaintSeverity.NORMAL : callback.complaintSeverity(), callback.customerId(),
                callback.customerName(), callback.customerPhone(), callback.department(), callback.staffId(),
                callback.callbackId(), callback.repairOrderId(), callback.salesOrderId(), summary(callback),
                callback.customerWords()), Actor.system("crm-service"));
    }

    private static String summary(CallbackCompleted callback) {
        if (callback.complaintSummary() != null && !callback.complaintSummary().isBlank()) {
            return callback.complaintSummary();
        }
        if (callback.lowScores() == null || callback.lowScores().isEmpty()) {
            return "Complaint raised on callback " + callback.callbackId();
        }
        return "Low scores on callback: " + callback.lowScores().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
