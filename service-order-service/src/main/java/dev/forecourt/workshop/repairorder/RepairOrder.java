package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.Finding;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobCompleted;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobDispatched;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.LabourLine;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartLine;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.QualityCheckFailed;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderCancelled;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderHandedOver;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderOpened;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ReworkRecorded;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.VehicleRunningLate;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.WarrantyJobCompleted;

/**
 * A repair order (维修工单): the car's stay in the workshop from reception to handover. Every rule
 * about the order's steps lives here; state and the events it raises are written in one document.
 */
@Document("repair_orders")
public class RepairOrder extends OutboxAggregate {

    static final String PENDING_PARTS_NOTICE = "Some parts could not be reserved yet because the parts system is "
            + "unavailable; they will be reserved automatically as soon as it is back. Your order is saved.";

    @Id
    private String id;
    @Indexed(unique = true)
    private String orderNumber;
    private String storeId;
    private RepairOrderStatus status;
    private Vehicle vehicle;
    private Customer customer;
    private Person advisor;
    private int odometerInKm;
    private String complaint;
    private WalkAround walkAround;
    private Instant promisedAt;
    private String appointmentId;
    private String reworkOf;
    private Money labourRate;
    private List<Job> jobs = new ArrayList<>();
    private List<PartsLine> partsLines = new ArrayList<>();
    private List<EstimateApproval> approvals = new ArrayList<>();
    /** Queried by the automatic reservation job. */
    private boolean partsPending;
    private Instant openedAt;
    private Instant lateFlaggedAt;
    private Handover handover;
    private Instant cancelledAt;
    private String cancelReason;
    private int nextJob = 1;
    private int nextLine = 1;

    RepairOrder() {
    }

    /** Opens an order; {@code earlier} is the order whose repair did not hold when this is rework (返修), else null. */
    public static RepairOrder open(String id, String orderNumber, String storeId, Reception reception, Person advisor,
                                   Money labourRate, RepairOrder earlier, Instant now) {
        if (reception.promisedAt() != null && !reception.promisedAt().isAfter(now)) {
            throw ProblemException.businessRule("promised-time-past", "Promised time in the past",
                    "The promised time must be later than now", new FieldProblem("promisedAt", "must be in the future"));
        }
        RepairOrder order = new RepairOrder();
        order.id = id;
        order.orderNumber = orderNumber;
        order.storeId = storeId;
        order.status = RepairOrderStatus.OPEN;
        order.vehicle = reception.vehicle();
        order.customer = reception.customer();
        order.advisor = advisor;
        order.odometerInKm = reception.odometerInKm();
        order.complaint = reception.complaint();
        order.walkAround = reception.walkAround();
        order.promisedAt = reception.promisedAt();
        order.appointmentId = reception.appointmentId();
        order.labourRate = labourRate;
        order.openedAt = now;
        if (earlier != null) {
            order.checkReworkOf(earlier);
            order.reworkOf = earlier.id;
        }
        order.raise(new RepairOrderOpened(id, orderNumber, order.appointmentId, order.vehicle.vin(), order.vehicle.plate(),
                order.vehicle.brand(), order.vehicle.model(), order.customer.customerId(), order.customer.name(),
                order.customer.phone(), advisor.employeeId(), advisor.name(), order.odometerInKm, order.complaint,
                order.promisedAt, now, order.reworkOf));
        if (earlier != null) {
            order.raise(new ReworkRecorded(id, orderNumber, earlier.id, earlier.orderNumber, order.vehicle.vin(), order.complaint, now));
        }
        return order;
    }

    private void checkReworkOf(RepairOrder earlier) {
        if (!earlier.vehicle.vin().equals(vehicle.vin())) {
            throw ProblemException.businessRule("rework-other-vehicle", "Rework of another vehicle",
                    "Order " + earlier.orderNumber + " is for VIN " + earlier.vehicle.vin(), new FieldProblem("reworkOf", "different vehicle"));
        }
        if (earlier.status != RepairOrderStatus.HANDED_OVER) {
            throw ProblemException.illegalState("Only a handed-over order can be reworked; " + earlier.orderNumber + " is " + earlier.status, earlier.status);
        }
    }

    public Job addJob(LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill, WarrantyDetails warranty) {
        requireChangeable("add a job");
        if (payType == PayType.WARRANTY) {
            requireCompleteWarrantyDetails(warranty);
        }
        Job job = new Job("job-" + nextJob++, operation, hours, payType, requiredSkill,
                payType == PayType.WARRANTY ? warranty : null, status != RepairOrderStatus.OPEN);
        jobs.add(job);
        reopenIfQualityChecked();
        return job;
    }

    public PartsLine addPartsLine(String jobId, String partNumber, String description, int quantity, Money unitPrice) {
        requireChangeable("add a parts line");
        if (jobId != null) {
            job(jobId);
        }
        PartsLine line = new PartsLine("line-" + nextLine++, jobId, partNumber, description, quantity, unitPrice,
                status != RepairOrderStatus.OPEN);
        partsLines.add(line);
        partsPending = true;
        reopenIfQualityChecked();
        return line;
    }

    /** The customer approves everything proposed so far; only then may that work be dispatched. */
    public EstimateApproval approveEstimate(String approvedVia, Person recordedBy, Instant now) {
        requireChangeable("approve an estimate");
        List<Job> proposed = jobs.stream().filter(j -> j.getStatus() == JobStatus.PROPOSED).toList();
        List<PartsLine> lines = partsLines.stream().filter(l -> !l.isApproved()).toList();
        if (proposed.isEmpty() && lines.isEmpty()) {
            throw ProblemException.illegalState("Nothing is waiting for the customer's approval", status);
        }
        Money total = proposed.stream().map(this::labourOf).reduce(zero(), Money::plus);
        total = lines.stream().map(PartsLine::total).reduce(total, Money::plus);
        proposed.forEach(Job::approve);
        lines.forEach(PartsLine::approve);
        EstimateApproval approval = new EstimateApproval(proposed.stream().map(Job::getId).toList(),
                lines.stream().map(PartsLine::getId).toList(), total, approvedVia, recordedBy, now);
        approvals.add(approval);
        if (status == RepairOrderStatus.OPEN) {
            status = RepairOrderStatus.IN_WORK;
        }
        return approval;
    }

    public void declineJob(String jobId) {
        requireChangeable("decline a job");
        job(jobId).decline();
    }

    public void dispatch(String jobId, Person technician, String bayId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "dispatch a job");
        Job job = job(jobId);
        job.dispatch(technician, bayId, now);
        raise(new JobDispatched(id, orderNumber, jobId, job.getOperation().code(), technician.employeeId(),
                technician.name(), bayId, now));
    }

    /** Checks, without changing anything, that the job may be dispatched now (before bays are claimed). */
    public void checkDispatchable(String jobId) {
        requireStatus(RepairOrderStatus.IN_WORK, "dispatch a job");
        JobStatus jobStatus = job(jobId).getStatus();
        if (jobStatus != JobStatus.APPROVED && jobStatus != JobStatus.RETURNED) {
            throw ProblemException.illegalState("Job " + jobId + " cannot be dispatched while " + jobStatus, jobStatus);
        }
    }

    public void startJob(String jobId, String employeeId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "start a job");
        job(jobId).start(employeeId, now);
    }

    public void pauseJob(String jobId, String employeeId) {
        requireStatus(RepairOrderStatus.IN_WORK, "pause a job");
        job(jobId).pause(employeeId);
    }

    public void finishJob(String jobId, String employeeId, SelfCheck check, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "finish a job");
        Job job = job(jobId);
        job.finish(employeeId, check, now);
        raise(new JobCompleted(id, orderNumber, jobId, job.getOperation().code(), job.getHours(), job.getPayType(),
                job.getTechnician().employeeId(), now));
    }

    /** Passes the whole order, or sends the jobs with findings back to the workshop. */
    public void qualityCheck(boolean passed, List<QualityFinding> findings, Person inspector, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "run the quality check");
        List<Job> unfinished = activeJobs().stream().filter(j -> j.getStatus() != JobStatus.FINISHED).toList();
        if (activeJobs().isEmpty() || !unfinished.isEmpty()) {
            throw ProblemException.illegalState("Every approved job must be finished before the quality check; waiting for "
                    + unfinished.stream().map(j -> j.getId() + " " + j.getStatus()).toList(), "JOBS_NOT_FINISHED");
        }
        if (passed) {
            status = RepairOrderStatus.QC_PASSED;
            return;
        }
        if (findings == null || findings.isEmpty()) {
            throw ProblemException.invalid("A failed quality check needs findings", new FieldProblem("findings", "must not be empty"));
        }
        findings.forEach(f -> job(f.jobId()));
        findings.forEach(f -> job(f.jobId()).sendBack(f.finding()));
        raise(new QualityCheckFailed(id, orderNumber, findings.stream()
                .map(f -> new Finding(f.jobId(), f.finding(), job(f.jobId()).getTechnician().employeeId())).toList(),
                inspector.employeeId(), now));
    }

    public void handOver(int odometerOutKm, boolean workExplained, boolean billSettled, Money amountSettled,
                         Person by, Instant now) {
        if (status != RepairOrderStatus.QC_PASSED) {
            throw ProblemException.illegalState("A vehicle is handed over only after its quality check passed", status);
        }
        if (odometerOutKm < odometerInKm) {
            throw ProblemException.businessRule("odometer-decreased", "Odometer lower than at reception",
                    "Odometer out " + odometerOutKm + " km is below odometer in " + odometerInKm + " km",
                    new FieldProblem("odometerOutKm", "must be at least " + odometerInKm));
        }
        if (!workExplained || !billSettled) {
            throw ProblemException.businessRule("handover-incomplete", "Handover incomplete",
                    "The work must be explained and the bill settled before the car leaves",
                    new FieldProblem(workExplained ? "billSettled" : "workExplained", "must be true"));
        }
        handover = new Handover(odometerOutKm, true, true, amountSettled, by, now);
        status = RepairOrderStatus.HANDED_OVER;
        List<PayType> payTypes = activeJobs().stream().map(Job::getPayType).distinct().sorted().toList();
        raise(new RepairOrderHandedOver(id, orderNumber, vehicle.vin(), vehicle.plate(), vehicle.brand(), vehicle.model(),
                customer.customerId(), customer.name(), customer.phone(), advisor.employeeId(), advisor.name(),
                odometerOutKm, now, payTypes, reworkOf, amountSettled));
        activeJobs().stream().filter(j -> j.getPayType() == PayType.WARRANTY).forEach(j -> raise(warrantyJobCompleted(j, now)));
    }

    private WarrantyJobCompleted warrantyJobCompleted(Job job, Instant now) {
        WarrantyDetails w = job.getWarranty();
        List<PartLine> parts = partsLines.stream().filter(l -> job.getId().equals(l.getJobId()))
                .map(l -> new PartLine(l.getPartNumber(), l.getDescription(), l.getQuantity(), l.getUnitPrice())).toList();
        return new WarrantyJobCompleted(id, orderNumber, job.getId(), vehicle.vin(), vehicle.brand(), vehicle.model(),
                handover.odometerOutKm(), w.failureDate(), now, complaint, w.cause(), w.correction(),
                List.of(new LabourLine(job.getOperation().code(), job.getOperation().description(), job.getHours())),
                parts, w.causalPartNumber(), w.roadService(), w.outsideServiceKm(), job.getTechnician().employeeId(),
                advisor.employeeId());
    }

    public void cancel(String reason, Instant now) {
        if (status.isFinal()) {
            throw ProblemException.illegalState("A " + status + " order cannot be cancelled", status);
        }
        status = RepairOrderStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
        partsPending = false;
        raise(new RepairOrderCancelled(id, orderNumber, now, reason));
    }

    /** Warns the advisor ahead of the promised time so the customer hears it from us first. */
    public boolean flagIfRunningLate(Duration warning, Instant now) {
        if (status.isFinal() || lateFlaggedAt != null || promisedAt == null || now.isBefore(promisedAt.minus(warning))) {
            return false;
        }
        lateFlaggedAt = now;
        raise(new VehicleRunningLate(id, orderNumber, customer.customerId(), customer.name(), customer.phone(), advisor.employeeId(), promisedAt, now));
        return true;
    }

    public void partsReserved(String lineId, String reservationId) {
        line(lineId).reserved(reservationId);
        partsPending = partsLines.stream().anyMatch(l -> l.getReservation() == ReservationStatus.PENDING);
    }

    public void partsInsufficient(String lineId, int available) {
        line(lineId).insufficient(available);
        partsPending = partsLines.stream().anyMatch(l -> l.getReservation() == ReservationStatus.PENDING);
    }

    public void partsRejected(String lineId, String reason) {
        line(lineId).rejected(reason);
        partsPending = partsLines.stream().anyMatch(l -> l.getReservation() == ReservationStatus.PENDING);
    }

    public List<PartsLine> pendingPartsLines() {
        return partsLines.stream().filter(l -> l.getReservation() == ReservationStatus.PENDING).toList();
    }

    /** The customer-facing answer about parts: empty when everything is reserved or being ordered. */
    public String getPartsNotice() {
        return partsPending && !status.isFinal() ? PENDING_PARTS_NOTICE : null;
    }

    public Estimate getEstimate() {
        Money labour = activeJobs().stream().map(this::labourOf).reduce(zero(), Money::plus);
        Money parts = partsLines.stream().map(PartsLine::total).reduce(zero(), Money::plus);
        return new Estimate(labour, parts, labour.plus(parts));
    }

    public boolean isLate() {
        return lateFlaggedAt != null && !status.isFinal();
    }

    public Job job(String jobId) {
        return jobs.stream().filter(j -> j.getId().equals(jobId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Job", jobId));
    }

    private PartsLine line(String lineId) {
        return partsLines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Parts line", lineId));
    }

    private List<Job> activeJobs() {
        return jobs.stream().filter(j -> j.getStatus().counts()).toList();
    }

    /** Warranty, internal and insurance work is not billed to the customer but still shown on the estimate. */
    private Money labourOf(Job job) {
        return labourRate.times(job.getHours());
    }

    private Money zero() {
        return Money.zero(labourRate.currency());
    }

    private void reopenIfQualityChecked() {
        if (status == RepairOrderStatus.QC_PASSED) {
            status = RepairOrderStatus.IN_WORK;
        }
    }

    private void requireChangeable(String step) {
        if (status.isFinal()) {
            throw ProblemException.illegalState("Cannot " + step + " on a " + status + " order", status);
        }
    }

    private void requireStatus(RepairOrderStatus expected, String step) {
        if (status != expected) {
            throw ProblemException.illegalState("Cannot " + step + " while the order is " + status, status);
        }
    }

    private static void requireCompleteWarrantyDetails(WarrantyDetails w) {
        List<FieldProblem> missing = new ArrayList<>();
        if (w == null || blank(w.cause())) missing.add(new FieldProblem("warranty.cause", "required for warranty jobs"));
        if (w == null || blank(w.correction())) missing.add(new FieldProblem("warranty.correction", "required for warranty jobs"));
        if (w == null || blank(w.causalPartNumber())) missing.add(new FieldProblem("warranty.causalPartNumber", "required for warranty jobs"));
        if (w == null || w.failureDate() == null) missing.add(new FieldProblem("warranty.failureDate", "required for warranty jobs"));
        if (w != null && w.roadService() && w.outsideServiceKm() == null) {
            missing.add(new FieldProblem("warranty.outsideServiceKm", "required when road service was needed"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.businessRule("warranty-details-missing", "Warranty details missing",
                    "A warranty job needs what the claim needs", missing.toArray(FieldProblem[]::new));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getStoreId() { return storeId; }
    public RepairOrderStatus getStatus() { return status; }
    public Vehicle getVehicle() { return vehicle; }
    public Customer getCustomer() { return customer; }
    public Person getAdvisor() { return advisor; }
    public int getOdometerInKm() { return odometerInKm; }
    public String getComplaint() { return complaint; }
    public WalkAround getWalkAround() { return walkAround; }
    public Instant getPromisedAt() { return promisedAt; }
    public String getAppointmentId() { return appointmentId; }
    public String getReworkOf() { return reworkOf; }
    public Money getLabourRate() { return labourRate; }
    public List<Job> getJobs() { return List.copyOf(jobs); }
    public List<PartsLine> getPartsLines() { return List.copyOf(partsLines); }
    public List<EstimateApproval> getApprovals() { return List.copyOf(approvals); }
    public boolean isPartsPending() { return partsPending; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getLateFlaggedAt() { return lateFlaggedAt; }
    public Handover getHandover() { return handover; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }
}
