package dev.forecourt.crm.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.crm.scheduling.CallSlot;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * One call a customer-service specialist has to make (回访任务). It is always due inside a call
 * window ({@code dueAt} .. {@code windowEndsAt}); a call that does not reach the customer moves
 * the task to a window on another day until the attempts are used up.
 */
@Document("callbacks")
public class CallbackTask extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private CallbackKind kind;
    private CallbackStatus status;
    private String department;
    private String customerId;
    private String customerName;
    private String customerPhone;
    /** The consultant or advisor the customer's answers are about. */
    private String staffId;
    private String staffName;
    private String vin;
    private String model;
    private String salesOrderId;
    private String repairOrderId;
    private String complaintId;
    private MaintenanceInfo maintenance;
    private InsurancePolicyInfo policy;
    /** The event that made the task, and when it happened. */
    private String triggeredBy;
    private Instant triggeredAt;
    /** The latest acceptable time by the store's rules (e.g. handover + 3 days). */
    private Instant deadline;
    private Instant dueAt;
    private Instant windowEndsAt;
    private LocalDate windowDay;
    private int windowIndex;
    private String assigneeId;
    private String assigneeName;
    private List<Attempt> attempts = new ArrayList<>();
    private CallbackOutcome outcome;
    private BigDecimal csi;
    private boolean lowScore;
    private Instant completedAt;
    private String completedById;
    private String completedByName;
    private String cancelledReason;
    private Instant createdAt;

    /** What a new task is about; the planner supplies when it is due. */
    public record Subject(CallbackKind kind, String department, String customerId, String customerName, String customerPhone,
                          String staffId, String staffName, String vin, String model, String salesOrderId,
                          String repairOrderId, String complaintId, MaintenanceInfo maintenance) {
    }

    public static CallbackTask plan(String id, String storeId, Subject subject, String triggeredBy, Instant triggeredAt,
                                    Instant deadline, CallSlot slot, String assigneeId, String assigneeName, Instant now) {
        CallbackTask task = new CallbackTask();
        task.id = id;
        task.storeId = storeId;
        task.kind = subject.kind();
        task.status = CallbackStatus.OPEN;
        task.department = subject.department() != null ? subject.department() : subject.kind().department();
        task.customerId = subject.customerId();
        task.customerName = subject.customerName();
        task.customerPhone = subject.customerPhone();
        task.staffId = subject.staffId();
        task.staffName = subject.staffName();
        task.vin = subject.vin();
        task.model = subject.model();
        task.salesOrderId = subject.salesOrderId();
        task.repairOrderId = subject.repairOrderId();
        task.complaintId = subject.complaintId();
        task.maintenance = subject.maintenance();
        task.triggeredBy = triggeredBy;
        task.triggeredAt = triggeredAt;
        task.deadline = deadline;
        task.moveTo(slot);
        task.assigneeId = assigneeId;
        task.assigneeName = assigneeName;
        task.createdAt = now;
        task.raise(new CallbackScheduled(id, task.customerId, task.customerPhone, task.kind, task.department, task.staffId,
                task.salesOrderId, task.repairOrderId, task.complaintId, task.vin, triggeredBy, triggeredAt, task.deadline,
                task.dueAt, task.assigneeId));
        return task;
    }

    /** The policy an insurance renewal call is about; set on a new task before it is stored. */
    void attachPolicy(InsurancePolicyInfo info) {
        this.policy = info;
    }

    /**
     * A correction of the policy by sales (same expiry): an open renewal call shows the newer record; an older record
     * arriving late changes nothing.
     *
     * @return true when the task changed
     */
    public boolean revisePolicy(InsurancePolicyInfo info) {
        if (status != CallbackStatus.OPEN || kind != CallbackKind.INSURANCE_RENEWAL || !info.newerThan(policy)) {
            return false;
        }
        this.policy = info;
        return true;
    }

    /**
     * Records the answers of a call that reached the customer.
     *
     * @param lowScoreThreshold a questionnaire item at or below it marks the call as a low score
     */
    public void complete(CallbackOutcome result, int lowScoreThreshold, Actor by, Instant at) {
        requireOpen("complete");
        if (kind.satisfactionSurvey() && (result.scores() == null || result.scores().overall() == null)) {
            throw new RuleViolated("questionnaire-required", "Questionnaire required",
                    "A " + kind + " records at least the overall score", new FieldProblem("scores.overall", "required"));
        }
        if (kind == CallbackKind.COMPLAINT_VERIFICATION && result.resolutionAccepted() == null) {
            throw new RuleViolated("verification-answer-required", "Verification answer required",
                    "A complaint verification callback records whether the customer accepts the resolution",
                    new FieldProblem("resolutionAccepted", "required"));
        }
        if (result.reworkRequested() && repairOrderId == null) {
            // the workshop turns the request into a rework order linked to the earlier one: without it the request would be lost
            throw new RuleViolated("rework-needs-repair-order", "No repair order to rework",
                    "Rework is asked for a repair order, and this " + kind + " call is about none; open a complaint instead",
                    new FieldProblem("reworkRequested", "only on a call about a repair order"));
        }
        this.outcome = result;
        this.csi = result.scores() == null ? null : result.scores().csi();
        Map<String, Integer> low = result.scores() == null ? Map.of() : result.scores().lowScores(lowScoreThreshold);
        this.lowScore = !low.isEmpty();
        this.status = Lifecycle.requireTransition(status, CallbackStatus.COMPLETED);
        this.completedAt = at;
        this.completedById = by.id();
        this.completedByName = by.displayName();
        raise(new CallbackCompleted(id, customerId, customerName, customerPhone, kind, department, staffId, staffName,
                salesOrderId, repairOrderId, complaintId, vin, result.scores(), csi, result.customerWords(),
                result.complaintRequested(), lowScore, low, result.reworkRequested(), result.complaintSummary(), result.complaintSeverity(),
                result.resolutionAccepted(), result.churnReason(), at, by.id()));
    }

    /** A call that did not reach the customer: try again on another day, or give up after the last attempt. */
    public void notReached(String note, int maxAttempts, CallPlanner planner, Actor by, Instant at) {
        requireOpen("record an unanswered call on");
        boolean sameDay = attempts.stream().anyMatch(a ->
                LocalDate.ofInstant(a.at(), planner.zone()).equals(LocalDate.ofInstant(at, planner.zone())));
        if (sameDay) {
            throw new RuleViolated("attempt-same-day", "Already tried today",
                    "Attempts must be on different days; the next one is due " + dueAt);
        }
        attempts.add(new Attempt(attempts.size() + 1, at, by.id(), by.displayName(), note));
        if (attempts.size() >= maxAttempts) {
            status = Lifecycle.requireTransition(status, CallbackStatus.NOT_REACHED);
        } else {
            moveTo(planner.retryAfter(new CallSlot(dueAt, windowEndsAt, windowDay, windowIndex), at));
        }
        raise(new CallbackNotReached(id, customerId, customerPhone, kind, department, attempts.size(),
                status == CallbackStatus.NOT_REACHED, status == CallbackStatus.OPEN ? dueAt : null, at, by.id()));
    }

    /** A task that is no longer needed (e.g. a reminder replaced by a newer one); a task already done stays as it is. */
    public void cancel(String reason, Instant at) {
        if (status == CallbackStatus.OPEN) {
            status = Lifecycle.requireTransition(status, CallbackStatus.CANCELLED);
            cancelledReason = reason;
            raise(new CallbackCancelled(id, customerId, kind, reason, at));
        }
    }

    public void assignTo(String employeeId, String name) {
        requireOpen("reassign");
        this.assigneeId = employeeId;
        this.assigneeName = name;
    }

    /** True when the call asks for a complaint: the specialist said so, or a score was low. */
    public boolean opensComplaint() {
        return status == CallbackStatus.COMPLETED && (lowScore || outcome.complaintRequested());
    }

    private void moveTo(CallSlot slot) {
        this.dueAt = slot.start();
        this.windowEndsAt = slot.end();
        this.windowDay = slot.day();
        this.windowIndex = slot.window();
    }

    private void requireOpen(String action) {
        if (status != CallbackStatus.OPEN) {
            throw new IllegalTransition("Cannot " + action + " a callback that is " + status, status);
        }
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public CallbackKind getKind() { return kind; }
    public CallbackStatus getStatus() { return status; }
    public String getDepartment() { return department; }
    public String getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerPhone() { return customerPhone; }
    public String getStaffId() { return staffId; }
    public String getStaffName() { return staffName; }
    public String getVin() { return vin; }
    public String getModel() { return model; }
    public String getSalesOrderId() { return salesOrderId; }
    public String getRepairOrderId() { return repairOrderId; }
    public String getComplaintId() { return complaintId; }
    public MaintenanceInfo getMaintenance() { return maintenance; }
    public InsurancePolicyInfo getPolicy() { return policy; }
    /** What the caller says and asks. */
    public String getScript() { return kind.script(); }
    public String getTriggeredBy() { return triggeredBy; }
    public Instant getTriggeredAt() { return triggeredAt; }
    public Instant getDeadline() { return deadline; }
    public Instant getDueAt() { return dueAt; }
    public Instant getWindowEndsAt() { return windowEndsAt; }
    public LocalDate getWindowDay() { return windowDay; }
    public String getAssigneeId() { return assigneeId; }
    public String getAssigneeName() { return assigneeName; }
    public List<Attempt> getAttempts() { return List.copyOf(attempts); }
    public CallbackOutcome getOutcome() { return outcome; }
    public BigDecimal getCsi() { return csi; }
    public boolean isLowScore() { return lowScore; }
    public Instant getCompletedAt() { return completedAt; }
    public String getCompletedById() { return completedById; }
    public String getCompletedByName() { return completedByName; }
    public String getCancelledReason() { return cancelledReason; }
    public Instant getCreatedAt() { return createdAt; }
}
