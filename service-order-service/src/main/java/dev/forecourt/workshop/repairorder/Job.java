package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;

/** One labour operation on a repair order, from the customer's approval to the technician's self-check. */
public class Job {

    private String id;
    private LabourOperation operation;
    private BigDecimal hours;
    private PayType payType;
    private String requiredSkill;
    private WarrantyDetails warranty;
    /** The recall or service campaign a CAMPAIGN job does; null for other jobs. */
    private String campaignCode;
    /** Found during the repair, after the first estimate was approved. */
    private boolean extraWork;
    private JobStatus status;
    private Actor technician;
    private String bayId;
    private Instant dispatchedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private SelfCheck selfCheck;
    private List<String> qualityFindings = new ArrayList<>();
    /** Technicians who held the job before and left (a re-dispatch keeps the trail). */
    private List<String> formerTechnicianIds = new ArrayList<>();

    Job() {
    }

    Job(String id, LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill,
        WarrantyDetails warranty, boolean extraWork) {
        this.id = id;
        this.operation = operation;
        this.hours = hours;
        this.payType = payType;
        this.requiredSkill = requiredSkill;
        this.warranty = warranty;
        this.extraWork = extraWork;
        this.status = JobStatus.PROPOSED;
    }

    Job(String id, LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill,
        WarrantyDetails warranty, String campaignCode, boolean extraWork) {
        this(id, operation, hours, payType, requiredSkill, warranty, extraWork);
        this.campaignCode = campaignCode;
    }

    void approve() {
        status = Lifecycle.requireTransition(status, JobStatus.APPROVED);
    }

    void decline() {
        status = Lifecycle.requireTransition(status, JobStatus.DECLINED, "Job " + id + " cannot be declined while " + status);
    }

    void dispatch(Actor technician, String bayId, Instant at) {
        if (status.occupiesWorkshop()) {
            throw new IllegalTransition("Job " + id + " is already dispatched to " + this.technician.displayName(), status);
        }
        status = Lifecycle.requireTransition(status, JobStatus.DISPATCHED, "Job " + id + " cannot be dispatched while " + status);
        assign(technician, bayId, at);
    }

    /** The supervisor gives the job of a technician who left to another one; the work done so far stays. */
    void redispatch(Actor technician, String bayId, Instant at) {
        if (!status.occupiesWorkshop()) {
            throw new IllegalTransition("Job " + id + " is not held by a technician (" + status + ")", status);
        }
        status = Lifecycle.requireTransition(status, JobStatus.DISPATCHED);
        formerTechnicianIds.add(this.technician.id());
        assign(technician, bayId, at);
    }

    private void assign(Actor technician, String bayId, Instant at) {
        this.technician = technician;
        this.bayId = bayId;
        this.dispatchedAt = at;
    }

    /** @return whether the job was paused before (a resumption) */
    boolean start(Instant at) {
        if (status != JobStatus.DISPATCHED && status != JobStatus.PAUSED) {
            throw new IllegalTransition("Job " + id + " cannot be started while " + status, status);
        }
        boolean resumed = status == JobStatus.PAUSED;
        if (startedAt == null || status == JobStatus.DISPATCHED) {
            startedAt = at;
        }
        status = Lifecycle.requireTransition(status, JobStatus.IN_PROGRESS);
        return resumed;
    }

    void pause() {
        requireStatus(JobStatus.IN_PROGRESS, "pause");
        status = Lifecycle.requireTransition(status, JobStatus.PAUSED);
    }

    void finish(SelfCheck check, Instant at) {
        requireStatus(JobStatus.IN_PROGRESS, "finish");
        if (!check.passed()) {
            throw new RuleViolated("self-check-failed", "Self-check not passed",
                    "A job is finished only when the technician's self-check passed: " + check.notes());
        }
        selfCheck = check;
        finishedAt = at;
        status = Lifecycle.requireTransition(status, JobStatus.FINISHED);
    }

    void sendBack(String finding) {
        requireStatus(JobStatus.FINISHED, "send back");
        qualityFindings.add(finding);
        status = Lifecycle.requireTransition(status, JobStatus.RETURNED);
    }

    private void requireStatus(JobStatus expected, String step) {
        if (status != expected) {
            throw new IllegalTransition("Job " + id + " cannot " + step + " while " + status, status);
        }
    }

    /** Whether this employee is the technician the supervisor assigned. */
    public boolean isAssignedTo(String employeeId) {
        return technician != null && technician.id().equals(employeeId);
    }

    boolean occupiesWorkshop() {
        return status.occupiesWorkshop();
    }

    public String getId() { return id; }
    public LabourOperation getOperation() { return operation; }
    public BigDecimal getHours() { return hours; }
    public PayType getPayType() { return payType; }
    public String getRequiredSkill() { return requiredSkill; }
    public WarrantyDetails getWarranty() { return warranty; }
    public String getCampaignCode() { return campaignCode; }
    public boolean isExtraWork() { return extraWork; }
    public JobStatus getStatus() { return status; }
    public Actor getTechnician() { return technician; }
    public String getBayId() { return bayId; }
    public Instant getDispatchedAt() { return dispatchedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public SelfCheck getSelfCheck() { return selfCheck; }
    public List<String> getQualityFindings() { return List.copyOf(qualityFindings); }
    public List<String> getFormerTechnicianIds() { return formerTechnicianIds == null ? List.of() : List.copyOf(formerTechnicianIds); }
}
