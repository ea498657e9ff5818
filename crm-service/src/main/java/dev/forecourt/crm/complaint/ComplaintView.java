package dev.forecourt.crm.complaint;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

/** A complaint with its history as the API shows it; answered with {@code ETag: "<version>"}. */
public record ComplaintView(String id, String storeId, ComplaintStatus status, ComplaintSource source, ComplaintSeverity severity,
                            String customerId,
                            String customerName, String customerPhone, String department, String ownerId, String ownerName,
                            String staffId, String callbackId, String repairOrderId, String salesOrderId, String summary,
                            String customerWords, Instant openedAt, Instant dueAt, int escalationLevel, Instant escalatedAt,
                            String resolution, Instant resolvedAt, int resolutionCount, String verificationCallbackId,
                            Instant closedAt, List<ComplaintNote> history, Long version) implements Versioned {

    public static ComplaintView of(Complaint c) {
        return new ComplaintView(c.getId(), c.getStoreId(), c.getStatus(), c.getSource(), c.getSeverity(), c.getCustomerId(), c.getCustomerName(),
                c.getCustomerPhone(), c.getDepartment(), c.getOwnerId(), c.getOwnerName(), c.getStaffId(), c.getCallbackId(),
                c.getRepairOrderId(), c.getSalesOrderId(), c.getSummary(), c.getCustomerWords(), c.getOpenedAt(), c.getDueAt(),
                c.getEscalationLevel(), c.getEscalatedAt(), c.getResolution(), c.getResolvedAt(), c.getResolutionCount(),
                c.getVerificationCallbackId(), c.getClosedAt(), c.getHistory(), c.getVersion());
    }
}
