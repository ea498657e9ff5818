package dev.forecourt.crm.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

/** A callback task as the API shows it; answered with {@code ETag: "<version>"}. */
public record CallbackView(String id, String storeId, CallbackKind kind, CallbackStatus status, String department,
                           String customerId, String customerName, String customerPhone, String staffId, String staffName,
                           String vin, String model, String salesOrderId, String repairOrderId, String complaintId,
                           MaintenanceInfo maintenance, InsurancePolicyInfo policy, String script, String triggeredBy, Instant triggeredAt, Instant deadline,
                           Instant dueAt, Instant windowEndsAt, LocalDate windowDay, String assigneeId, String assigneeName,
                           List<Attempt> attempts, CallbackOutcome outcome, BigDecimal csi, boolean lowScore,
                           Instant completedAt, String completedById, String completedByName, String cancelledReason,
                           Instant createdAt, Long version) implements Versioned {

    public static CallbackView of(CallbackTask t) {
        return new CallbackView(t.getId(), t.getStoreId(), t.getKind(), t.getStatus(), t.getDepartment(), t.getCustomerId(),
                t.getCustomerName(), t.getCustomerPhone(), t.getStaffId(), t.getStaffName(), t.getVin(), t.getModel(),
                t.getSalesOrderId(), t.getRepairOrderId(), t.getComplaintId(), t.getMaintenance(), t.getPolicy(), t.getScript(), t.getTriggeredBy(),
                t.getTriggeredAt(), t.getDeadline(), t.getDueAt(), t.getWindowEndsAt(), t.getWindowDay(), t.getAssigneeId(),
                t.getAssigneeName(), t.getAttempts(), t.getOutcome(), t.getCsi(), t.isLowScore(), t.getCompletedAt(),
                t.getCompletedById(), t.getCompletedByName(), t.getCancelledReason(), t.getCreatedAt(), t.getVersion());
    }
}
