package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.forecourt.platform.errors.ProblemException;

/** One labour operation on a repair order, from the customer's approval to the technician's self-check. */
public class Job {

    private String id;
    private LabourOperation operation;
    private BigDecimal hours;
    private PayType payType;
    private String requiredSkill;
    private WarrantyDetails warranty;
    /** Found during the repair, after the first estimate was approved. */
    private boolean extraWork;
    private JobStatus status;
    private Person technician;
    private String bayId;
    private Instant dispatchedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private SelfCheck selfCheck;
    private List<String> qualityFindings = new ArrayList<>();

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

    void approve() {
        status = JobStatus.APPROVED;
    }

    void decline() {
        require(JobStatus.PROPOSED, "decline");
        status = JobStatus.DECLINED;
    }

    void dispatch(Person technician, String bayId, Instant at) {
        if (status != JobStatus.APPROVED && status != JobStatus.RETURNED) {
            throw ProblemException.illegalState("Job " + id + " cannot be dispatched while " + status, status);
        }
        this.technician = technician;
        this.bayId = bayId;
        this.dispatchedAt = at;
        this.status = JobStatus.DISPATCHED;
    }

    void start(String employeeId, Instant at) {
        if (status != JobStatus.DISPATCHED && status != JobStatus.PAUSED) {
            throw ProblemException.illegalState("Job " + id + " cannot be started while " + status, status);
        }
        requireAssigned(employeeId);
        if (startedAt == null || status == JobStatus.DISPATCHED) {
            startedAt = at;
        }
        status = JobStatus.IN_PROGRESS;
    }

    void pause(String employeeId) {
        require(JobStatus.IN_PROGRESS, "pause");
        requireAssigned(employeeId);
        status = JobStatus.PAUSED;
    }

    void finish(String employeeId, SelfCheck check, Instant at) {
        require(JobStatus.IN_PROGRESS, "finish");
        requireAssigned(employeeId);
        if (!check.passed()) {
            throw ProblemException.businessRule("self-check-failed", "Self-check not passed",
                    "A job is finished only when the technician's self-check passed: " + check.notes());
        }
        selfCheck = check;
        finishedAt = at;
        status = JobStatus.FINISHED;
    }

    void sendBack(String finding) {
        require(JobStatus.FINISHED, "send back");
        qualityFindings.add(finding);
        status = JobStatus.RETURNED;
    }

    private void require(JobStatus expected, String step) {
        if (status != expected) {
            throw ProblemException.illegalState("Job " + id + " cannot " + step + " while " + status, status);
        }
    }

    /** Only the technician the supervisor assigned records work on the job. */
    private void requireAssigned(String employeeId) {
        if (technician == null || !technician.employeeId().equals(employeeId)) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "not-assigned-technician",
                    "Not your job", "Job " + id + " is assigned to " + (technician == null ? "nobody" : technician.name()));
        }
    }

    boolean occupiesWorkshop() {
        return status == JobStatus.DISPATCHED || status == JobStatus.IN_PROGRESS || status == JobStatus.PAUSED;
    }

    public String getId() { return id; }
    public LabourOperation getOperation() { return operation; }
    public BigDecimal getHours() { return hours; }
    public PayType getPayType() { return payType; }
    public String getRequiredSkill() { return requiredSkill; }
    public WarrantyDetails getWarranty() { return warranty; }
    public boolean isExtraWork() { return extraWork; }
    public JobStatus getStatus() { return status; }
    public Person getTechnician() { return technician; }
    public String getBayId() { return bayId; }
    public Instant getDispatchedAt() { return dispatchedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public SelfCheck getSelfCheck() { return selfCheck; }
    public List<String> getQualityFindings() { return List.copyOf(qualityFindings); }
}
