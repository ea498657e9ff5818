package dev.forecourt.crm.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A customer's complaint (投诉): logged, given to a department and an owner with a due date,
 * resolved, verified by a second callback, closed. Overdue complaints are escalated one level per
 * overdue period (1 = department manager, 2 and above = general manager).
 */
@Document("complaints")
public class Complaint extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private ComplaintStatus status;
    private ComplaintSource source;
    private ComplaintSeverity severity;
    private String customerId;
    private String customerName;
    private String customerPhone;
    private String department;
    private String ownerId;
    private String ownerName;
    /** The consultant or advisor the complaint is about. */
    private String staffId;
    private String callbackId;
    private String repairOrderId;
    private String salesOrderId;
    private String summary;
    private String customerWords;
    private Instant openedAt;
    private Instant dueAt;
    private int escalationLevel;
    private Instant escalatedAt;
    private String resolution;
    private Instant resolvedAt;
    private int resolutionCount;
    private String verificationCallbackId;
    private Instant closedAt;
    private List<ComplaintNote> history = new ArrayList<>();

    /** Who and what the complaint is about. */
    public record Details(ComplaintSource source, ComplaintSeverity severity, String customerId, String customerName, String customerPhone,
                          String department, String staffId, String callbackId, String repairOrderId,
                          String salesOrderId, String summary, String customerWords) {
    }

    public static Complaint open(String id, String storeId, Details details, Duration resolutionTime, Actor by, Instant at) {
        Complaint complaint = new Complaint();
        complaint.id = id;
        complaint.storeId = storeId;
        complaint.status = ComplaintStatus.OPEN;
        complaint.source = details.source();
        complaint.severity = details.severity() == null ? ComplaintSeverity.NORMAL : details.severity();
        complaint.customerId = details.customerId();
        complaint.customerName = details.customerName();
        complaint.customerPhone = details.customerPhone();
        complaint.department = details.department();
        complaint.staffId = details.staffId();
        complaint.callbackId = details.callbackId();
        complaint.repairOrderId = details.repairOrderId();
        complaint.salesOrderId = details.salesOrderId();
        complaint.summary = details.summary();
        complaint.customerWords = details.customerWords();
        complaint.openedAt = at;
        complaint.dueAt = at.plus(resolutionTime);
        complaint.note(at, by.id(), by.displayName(), "opened", details.summary());
        complaint.raise(new ComplaintOpened(id, details.customerId(), details.customerName(), details.customerPhone(),
                details.source(), complaint.severity, details.department(), details.staffId(), details.callbackId(), details.repairOrderId(),
                details.salesOrderId(), details.summary(), at, complaint.dueAt));
        return complaint;
    }

    /** Gives the complaint to a department and an owner; a new due date may be agreed. */
    public void assign(String newDepartment, String newOwnerId, String newOwnerName, Instant newDueAt, Actor by, Instant at) {
        if (status != ComplaintStatus.OPEN) {
            throw new IllegalTransition("Cannot assign a complaint that is " + status, status);
        }
        this.department = newDepartment;
        this.ownerId = newOwnerId;
        this.ownerName = newOwnerName;
        if (newDueAt != null) {
            this.dueAt = newDueAt;
        }
        note(at, by.id(), by.displayName(), "assigned", newDepartment + " / " + newOwnerName + ", due " + dueAt);
        raise(new ComplaintAssigned(id, customerId, department, ownerId, ownerName, dueAt, at, by.id()));
    }

    public void resolve(String how, Actor by, Instant at) {
        this.status = Lifecycle.requireTransition(status, ComplaintStatus.RESOLVED, "Cannot resolve a complaint that is " + status);
        this.resolution = how;
        this.resolvedAt = at;
        this.resolutionCount++;
        note(at, by.id(), by.displayName(), "resolved", how);
        raise(new ComplaintResolved(id, customerId, customerName, customerPhone, department, staffId, repairOrderId, how,
                resolutionCount, at, by.id()));
    }

    /** The verifying callback's answer: accepted closes the complaint, rejected reopens it with a new due date. */
    public void verified(boolean accepted, String callbackId, String customerWordsOnCall, Duration resolutionTime,
                         String byId, Instant at) {
        if (status != ComplaintStatus.RESOLVED) {
            return; // closed by staff meanwhile, or a verification already applied
        }
        this.verificationCallbackId = callbackId;
        if (accepted) {
            status = Lifecycle.requireTransition(status, ComplaintStatus.CLOSED);
            closedAt = at;
            note(at, byId, null, "verified and closed", customerWordsOnCall);
            raise(new ComplaintClosed(id, customerId, department, true, "the customer accepted the resolution", at, byId));
        } else {
            status = Lifecycle.requireTransition(status, ComplaintStatus.OPEN);
            dueAt = at.plus(resolutionTime);
            escalationLevel = 0;
            escalatedAt = null;
            note(at, byId, null, "reopened: the customer does not accept the resolution", customerWordsOnCall);
            raise(new ComplaintReopened(id, customerId, department, callbackId, dueAt, at));
        }
    }

    /** Closing without a verification, e.g. the verifying callback never reached the customer. */
    public void close(String why, Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, ComplaintStatus.CLOSED, "Cannot close a complaint that is " + status);
        closedAt = at;
        note(at, by.id(), by.displayName(), "closed", why);
        raise(new ComplaintClosed(id, customerId, department, false, why, at, by.id()));
    }

    /** Classifies the complaint anew (e.g. the after-sales manager finds it is a major one); closed complaints keep theirs. */
    public void classify(ComplaintSeverity newSeverity, String reason, Actor by, Instant at) {
        if (status == ComplaintStatus.CLOSED) {
            throw new IllegalTransition("Cannot reclassify a complaint that is " + status, status);
        }
        ComplaintSeverity before = getSeverity();
        if (before == newSeverity) {
            return;
        }
        severity = newSeverity;
        note(at, by.id(), by.displayName(), "classified " + newSeverity, reason);
        raise(new ComplaintSeverityChanged(id, customerId, department, newSeverity, before, reason, at, by.id()));
    }

    /** Raises the escalation level when the complaint is overdue by another period; true when it changed. */
    public boolean escalateIfOverdue(Instant now, Duration period) {
        if (status != ComplaintStatus.OPEN || !now.isAfter(dueAt)) {
            return false;
        }
        int level = 1 + (int) (Duration.between(dueAt, now).toMillis() / Math.max(1, period.toMillis()));
        if (level <= escalationLevel) {
            return false;
        }
        escalationLevel = level;
        escalatedAt = now;
        raise(new ComplaintEscalated(id, customerId, department, level, dueAt, now));
        note(now, "system", "crm-service", "escalated", "overdue since " + dueAt + "; to " + (level == 1 ? "department manager" : "general manager"));
        return true;
    }

    private void note(Instant at, String byId, String byName, String action, String text) {
        history.add(new ComplaintNote(at, byId, byName, action, text));
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public ComplaintStatus getStatus() { return status; }
    public ComplaintSource getSource() { return source; }
    /** Complaints stored before severities existed are normal ones. */
    public ComplaintSeverity getSeverity() { return severity == null ? ComplaintSeverity.NORMAL : severity; }
    public String getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerPhone() { return customerPhone; }
    public String getDepartment() { return department; }
    public String getOwnerId() { return ownerId; }
    public String getOwnerName() { return ownerName; }
    public String getStaffId() { return staffId; }
    public String getCallbackId() { return callbackId; }
    public String getRepairOrderId() { return repairOrderId; }
    public String getSalesOrderId() { return salesOrderId; }
    public String getSummary() { return summary; }
    public String getCustomerWords() { return customerWords; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getDueAt() { return dueAt; }
    public int getEscalationLevel() { return escalationLevel; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getResolution() { return resolution; }
    public Instant getResolvedAt() { return resolvedAt; }
    public int getResolutionCount() { return resolutionCount; }
    public String getVerificationCallbackId() { return verificationCallbackId; }
    public Instant getClosedAt() { return closedAt; }
    public List<ComplaintNote> getHistory() { return List.copyOf(history); }
}
