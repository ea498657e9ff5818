package dev.forecourt.crm.complaint;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.web.Actor;

/**
 * Turns completed callbacks (this service's own CallbackCompleted, read back from its topic by
 * {@code intake.OwnEvents}) into complaint work: a low score or the specialist's flag opens a
 * complaint (id {@code complaint-<callbackId>}, so a redelivered event opens nothing new), and a
 * verification callback closes or reopens its complaint.
 */
@Component
public class CallbackComplaints {

    /** The fields of CallbackCompleted this reaction needs. */
    public record CallbackCompleted(String callbackId, String customerId, String customerName, String customerPhone, String kind,
                             String department, String staffId, String repairOrderId, String salesOrderId,
                             String complaintId, String customerWords, boolean complaintRequested, boolean lowScore,
                             Map<String, Integer> lowScores, String complaintSummary, Boolean resolutionAccepted,
                             String completedBy) {
    }

    private final ComplaintBook book;

    CallbackComplaints(ComplaintBook book) {
        this.book = book;
    }

    public void on(CallbackCompleted callback) {
        if ("COMPLAINT_VERIFICATION".equals(callback.kind()) && callback.complaintId() != null) {
            book.change(callback.complaintId(), c -> c.verified(Boolean.TRUE.equals(callback.resolutionAccepted()),
                    callback.callbackId(), callback.customerWords(), book.resolutionTime(), callback.completedBy(), book.now()));
            return;
        }
        if (!callback.lowScore() && !callback.complaintRequested()) {
            return;
        }
        ComplaintSource source = callback.lowScore() ? ComplaintSource.LOW_SCORE : ComplaintSource.CALLBACK;
        book.open("complaint-" + callback.callbackId(), new Complaint.Details(source, callback.customerId(),
                callback.customerName(), callback.customerPhone(), callback.department(), callback.staffId(),
                callback.callbackId(), callback.repairOrderId(), callback.salesOrderId(), summary(callback),
                callback.customerWords()), Actor.SYSTEM);
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
