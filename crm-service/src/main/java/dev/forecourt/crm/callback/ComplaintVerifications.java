package dev.forecourt.crm.callback;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/** A resolved complaint gets its verifying second callback, due within the configured days of the resolution. */
@Component
class ComplaintVerifications {

    /** This service's own ComplaintResolved, read back from its topic. */
    record ComplaintResolved(String complaintId, String customerId, String customerName, String customerPhone,
                             String department, String staffId, String repairOrderId, int resolutionNumber,
                             Instant resolvedAt) {
    }

    private final CallbackTasks tasks;

    ComplaintVerifications(CallbackTasks tasks) {
        this.tasks = tasks;
    }

    @HandlesEvent("forecourt.crm.complaint-resolved.v1")
    void on(ComplaintResolved resolved) {
        tasks.complaintVerification(resolved.complaintId(), resolved.resolutionNumber(), resolved.resolvedAt(),
                new CallbackTask.Subject(CallbackKind.COMPLAINT_VERIFICATION, resolved.department(), resolved.customerId(),
                        resolved.customerName(), resolved.customerPhone(), resolved.staffId(), null, null, null, null,
                        resolved.repairOrderId(), resolved.complaintId(), null));
    }
}
