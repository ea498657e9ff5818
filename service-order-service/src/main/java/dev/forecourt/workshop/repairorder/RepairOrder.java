package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.BillIssued;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.BillSettled;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.BillShareLine;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.EstimateApproved;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ExtraWorkApproved;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ExtraWorkDeclined;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ExtraWorkProposed;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.Finding;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobCompleted;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobDispatched;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobPaused;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobStarted;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.LabourLine;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartLine;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartsLineAdded;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartsLineRemoved;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PaymentRecorded;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.QualityCheckFailed;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderCancelled;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderHandedOver;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderOpened;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ReworkRecorded;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.VehicleRunningLate;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.WarrantyJobCompleted;

/**
 * A repair order (维修工单): the car's stay in the workshop from reception to handover, with its
 * parts lines, its bill and the customer's payments. Every rule about the order's steps lives here;
 * state and the events it raises are written in one document.
 */
@Document("repair_orders")
public class RepairOrder extends OutboxAggregate {

    @Id
    private String id;
    @Indexed(unique = true)
    private String orderNumber;
    private String storeId;
    private RepairOrderStatus status;
    private Vehicle vehicle;
    private Customer customer;
    private Actor advisor;
    private int odometerInKm;
    private String complaint;
    private WalkAround walkAround;
    private Instant promisedAt;
    private String appointmentId;
    private String reworkOf;
    private Tariff tariff;
    /** The open recalls and service campaigns the car is in, found at reception (or when a campaign job was added). */
    private List<CampaignFlag> openCampaigns = new ArrayList<>();
    private List<Job> jobs = new ArrayList<>();
    private List<PartsLine> partsLines = new ArrayList<>();
    private List<EstimateApproval> approvals = new ArrayList<>();
    private List<OtherCharge> otherCharges = new ArrayList<>();
    private List<Payment> payments = new ArrayList<>();
    private Bill bill;
    /** Queried by the automatic reservation job. */
    private boolean partsPending;
    private Instant openedAt;
    private Instant firstQualityCheckAt;
    private Boolean firstQualityCheckPassed;
    private Instant qualityPassedAt;
    private Instant lateFlaggedAt;
    private Handover handover;
    private Instant cancelledAt;
    private String cancelReason;
    private int nextJob = 1;
    private int nextLine = 1;
    private int nextCharge = 1;

    RepairOrder() {
    }

    /** Opens an order; {@code earlier} is the order whose repair did not hold when this is rework (返修), else null. */
    public static RepairOrder open(String id, String orderNumber, String storeId, Reception reception, Actor advisor,
                                   Tariff tariff, RepairOrder earlier, Instant now) {
        if (reception.promisedAt() != null && !reception.promisedAt().isAfter(now)) {
            throw new RuleViolated("promised-time-past", "Promised time in the past",
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
        order.tariff = tariff;
        order.openedAt = now;
        if (earlier != null) {
            order.checkReworkOf(earlier);
            order.reworkOf = earlier.id;
        }
        order.raise(new RepairOrderOpened(id, orderNumber, order.appointmentId, order.vehicle.vin(), order.vehicle.plate(),
                order.vehicle.brand(), order.vehicle.model(), order.customer.customerId(), order.customer.name(),
                order.customer.phone(), advisor.id(), advisor.displayName(), order.odometerInKm, order.complaint,
                order.promisedAt, now, order.reworkOf));
        if (earlier != null) {
            order.raise(new ReworkRecorded(id, orderNumber, earlier.id, earlier.orderNumber, order.vehicle.vin(), order.complaint, now));
        }
        return order;
    }

    private void checkReworkOf(RepairOrder earlier) {
        if (!earlier.vehicle.vin().equals(vehicle.vin())) {
            throw new RuleViolated("rework-other-vehicle", "Rework of another vehicle",
                    "Order " + earlier.orderNumber + " is for VIN " + earlier.vehicle.vin(), new FieldProblem("reworkOf", "different vehicle"));
        }
        if (earlier.status != RepairOrderStatus.HANDED_OVER) {
            throw new IllegalTransition("Only a handed-over order can be reworked; " + earlier.orderNumber + " is " + earlier.status, earlier.status);
        }
    }

    public Job addJob(LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill, WarrantyDetails warranty,
                      Instant now) {
        return addJob(operation, hours, payType, requiredSkill, warranty, null, now);
    }

    /**
     * Adds a job; a CAMPAIGN job names the campaign ({@code campaignCode}) the car is flagged for, uses one of
     * its labour operations, and is the order's only job for that campaign.
     */
    public Job addJob(LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill, WarrantyDetails warranty,
                      String campaignCode, Instant now) {
        requireChangeable("add a job");
        if (payType == PayType.WARRANTY) {
            requireCompleteWarrantyDetails(warranty);
        }
        if (payType == PayType.CAMPAIGN) {
            requireCampaignJob(operation, campaignCode, warranty);
        } else if (campaignCode != null) {
            throw new InvalidValue("Only a CAMPAIGN job names a campaign", new FieldProblem("campaignCode", "only for payType CAMPAIGN"));
        }
        boolean extraWork = status != RepairOrderStatus.OPEN;
        Job job = new Job("job-" + nextJob++, operation, hours, payType, requiredSkill,
                payType.claimedFromOem() ? warranty : null, payType == PayType.CAMPAIGN ? campaignCode : null, extraWork);
        jobs.add(job);
        reopenIfQualityChecked();
        if (extraWork) {
            raise(new ExtraWorkProposed(id, orderNumber, customer.customerId(), job.getId(), operation.code(), operation.description(),
                    hours, payType, now));
        }
        return job;
    }

    /** Records the open campaigns the car is in (known ones stay as they were). */
    public void flagCampaigns(List<CampaignFlag> flags) {
        if (openCampaigns == null) {
            openCampaigns = new ArrayList<>();
        }
        for (CampaignFlag flag : flags) {
            if (openCampaigns.stream().noneMatch(f -> f.campaignCode().equals(flag.campaignCode()))) {
                openCampaigns.add(flag);
            }
        }
    }

    private void requireCampaignJob(LabourOperation operation, String campaignCode, WarrantyDetails warranty) {
        if (blank(campaignCode)) {
            throw new RuleViolated("campaign-code-missing", "Campaign missing",
                    "A CAMPAIGN job names the recall or service campaign it does", new FieldProblem("campaignCode", "required for payType CAMPAIGN"));
        }
        CampaignFlag flag = getOpenCampaigns().stream().filter(f -> f.campaignCode().equals(campaignCode)).findFirst()
                .orElseThrow(() -> new RuleViolated("not-in-campaign", "Car not in the campaign",
                        "VIN " + vehicle.vin() + " is not in an open campaign " + campaignCode + " that is still to be done for it",
                        new FieldProblem("campaignCode", "not an open campaign of this car")));
        if (!flag.labourOperations().contains(operation.code())) {
            throw new RuleViolated("campaign-operation", "Not a labour operation of the campaign",
                    "Campaign " + campaignCode + " is done with " + flag.labourOperations() + ", not " + operation.code(),
                    new FieldProblem("labourOperationCode", "one of " + flag.labourOperations()));
        }
        if (jobs.stream().anyMatch(j -> j.getStatus().counts() && campaignCode.equals(j.getCampaignCode()))) {
            throw new Conflict("campaign-job-exists", "Campaign job already on the order",
                    "The order already has a job for campaign " + campaignCode).with("campaignCode", campaignCode);
        }
        if (warranty != null && warranty.roadService() && warranty.outsideServiceKm() == null) {
            throw new RuleViolated("warranty-details-missing", "Warranty details missing", "Road service needs the kilometres driven",
                    new FieldProblem("warranty.outsideServiceKm", "required when road service was needed"));
        }
    }

    /** A part for the order, paid like its job (customer-paid when it belongs to no job) unless {@code payType} says otherwise. */
    public PartsLine addPartsLine(String jobId, String partNumber, String description, int quantity, PayType payType) {
        requireChangeable("add a parts line");
        PayType payer = payType != null ? payType : jobId != null ? job(jobId).getPayType() : PayType.CUSTOMER;
        PartsLine line = new PartsLine("line-" + nextLine++, jobId, partNumber, description, quantity, payer,
                status != RepairOrderStatus.OPEN);
        partsLines.add(line);
        partsPending = true;
        reopenIfQualityChecked();
        return line;
    }

    /** Takes a line off the order before any of it is on the car; parts-service releases its reservation. */
    public void removePartsLine(String lineId, String reason, Instant now) {
        requireChangeable("remove a parts line");
        PartsLine line = line(lineId);
        if (line.isRemoved()) {
            throw new IllegalTransition("Parts line " + lineId + " was removed already", "REMOVED");
        }
        if (line.hasPartsOnTheCar()) {
            throw new Conflict("parts-line-issued", "Parts already issued",
                    line.getIssuedQuantity() - line.getReturnedQuantity() + " of " + line.getPartNumber()
                            + " were issued for this line: return them to the store first").with("lineId", lineId);
        }
        line.remove(now);
        if (line.isPlaced()) {
            raise(new PartsLineRemoved(id, orderNumber, lineId, line.getPartNumber(), line.getQuantity(), line.getReservationId(),
                    reason, now));
        }
        partsPending = anyPending();
        reissueBillIfIssued(now);
    }

    /** The customer approves everything proposed so far; only then may that work be dispatched. */
    public EstimateApproval approveEstimate(String approvedVia, Actor recordedBy, Instant now) {
        requireChangeable("approve an estimate");
        List<Job> proposed = jobs.stream().filter(j -> j.getStatus() == JobStatus.PROPOSED).toList();
        List<PartsLine> lines = partsLines.stream().filter(l -> !l.isApproved() && !l.isRemoved()).toList();
        if (proposed.isEmpty() && lines.isEmpty()) {
            throw new IllegalTransition("Nothing is waiting for the customer's approval", status);
        }
        Money total = proposed.stream().map(this::labourOf).reduce(zero(), Money::plus);
        total = lines.stream().map(PartsLine::total).reduce(total, Money::plus);
        proposed.forEach(Job::approve);
        lines.forEach(PartsLine::approve);
        List<String> jobIds = proposed.stream().map(Job::getId).toList();
        List<String> lineIds = lines.stream().map(PartsLine::getId).toList();
        EstimateApproval approval = new EstimateApproval(jobIds, lineIds, total, approvedVia, recordedBy, now);
        approvals.add(approval);
        if (status == RepairOrderStatus.OPEN) {
            status = Lifecycle.requireTransition(status, RepairOrderStatus.IN_WORK);
            raise(new EstimateApproved(id, orderNumber, customer.customerId(), jobIds, lineIds, total, approvedVia, recordedBy.id(), now));
        } else {
            raise(new ExtraWorkApproved(id, orderNumber, customer.customerId(), jobIds, lineIds, total, approvedVia, recordedBy.id(), now));
        }
        return approval;
    }

    public void declineJob(String jobId, Instant now) {
        requireChangeable("decline a job");
        Job job = job(jobId);
        job.decline();
        raise(new ExtraWorkDeclined(id, orderNumber, customer.customerId(), jobId, job.getOperation().code(), job.isExtraWork(), now));
    }

    public void dispatch(String jobId, Actor technician, String bayId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "dispatch a job");
        Job job = job(jobId);
        job.dispatch(technician, bayId, now);
        raise(new JobDispatched(id, orderNumber, jobId, job.getOperation().code(), technician.id(),
                technician.displayName(), bayId, now));
    }

    /** A job held by a technician who left goes to another technician (and bay); the caller checked that the first one left. */
    public void redispatch(String jobId, Actor technician, String bayId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "dispatch a job");
        Job job = job(jobId);
        job.redispatch(technician, bayId, now);
        raise(new JobDispatched(id, orderNumber, jobId, job.getOperation().code(), technician.id(),
                technician.displayName(), bayId, now));
    }

    /** Checks, without changing anything, that the job may be dispatched now (before bays are claimed). */
    public void checkDispatchable(String jobId) {
        requireStatus(RepairOrderStatus.IN_WORK, "dispatch a job");
        JobStatus jobStatus = job(jobId).getStatus();
        if (!jobStatus.mayBecome(JobStatus.DISPATCHED)) {
            throw new IllegalTransition("Job " + jobId + " cannot be dispatched while " + jobStatus, jobStatus);
        }
    }

    public void startJob(String jobId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "start a job");
        Job job = job(jobId);
        boolean resumed = job.start(now);
        raise(new JobStarted(id, orderNumber, jobId, job.getOperation().code(), job.getTechnician().id(), job.getBayId(), resumed, now));
    }

    public void pauseJob(String jobId, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "pause a job");
        Job job = job(jobId);
        job.pause();
        raise(new JobPaused(id, orderNumber, jobId, job.getOperation().code(), job.getTechnician().id(), now));
    }

    public void finishJob(String jobId, SelfCheck check, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "finish a job");
        Job job = job(jobId);
        job.finish(check, now);
        raise(new JobCompleted(id, orderNumber, jobId, job.getOperation().code(), job.getHours(), job.getPayType(),
                job.getTechnician().id(), now));
    }

    /** Passes the whole order (and issues its bill), or sends the jobs with findings back to the workshop. */
    public void qualityCheck(boolean passed, List<QualityFinding> findings, Actor inspector, Instant now) {
        requireStatus(RepairOrderStatus.IN_WORK, "run the quality check");
        List<Job> unfinished = activeJobs().stream().filter(j -> j.getStatus() != JobStatus.FINISHED).toList();
        if (activeJobs().isEmpty() || !unfinished.isEmpty()) {
            throw new IllegalTransition("Every approved job must be finished before the quality check; waiting for "
                    + unfinished.stream().map(j -> j.getId() + " " + j.getStatus()).toList(), "JOBS_NOT_FINISHED");
        }
        if (!passed && (findings == null || findings.isEmpty())) {
            throw new InvalidValue("A failed quality check needs findings", new FieldProblem("findings", "must not be empty"));
        }
        if (!passed) {
            findings.forEach(f -> job(f.jobId()));
        }
        if (firstQualityCheckAt == null) {
            firstQualityCheckAt = now;
            firstQualityCheckPassed = passed;
        }
        if (passed) {
            status = Lifecycle.requireTransition(status, RepairOrderStatus.QC_PASSED);
            qualityPassedAt = now;
            issueBill(now);
            return;
        }
        findings.forEach(f -> job(f.jobId()).sendBack(f.finding()));
        raise(new QualityCheckFailed(id, orderNumber, findings.stream()
                .map(f -> new Finding(f.jobId(), f.finding(), job(f.jobId()).getTechnician().id())).toList(),
                inspector.id(), now));
    }

    /** A charge beside labour and parts, or an approved discount; the bill follows when it was issued already. */
    public OtherCharge addCharge(String description, Money amount, PayType payer, boolean discount, Actor approvedBy, Instant now) {
        requireChangeable(discount ? "grant a discount" : "add a charge");
        requireCny(amount);
        if (amount.amount().signum() <= 0) {
            throw new InvalidValue("The amount must be positive", new FieldProblem("amount", "must be greater than 0"));
        }
        if (discount) {
            Money before = payerItems(payer);
            if (amount.compareTo(before) > 0) {
                throw new RuleViolated("discount-too-large", "Discount larger than the charges",
                        "A discount of " + amount.amount() + " exceeds the " + before.amount() + " " + payer + " charges of the order",
                        new FieldProblem("amount", "at most " + before.amount()));
            }
        }
        OtherCharge charge = new OtherCharge("charge-" + nextCharge++, description, amount, payer, discount, approvedBy);
        otherCharges.add(charge);
        reissueBillIfIssued(now);
        return charge;
    }

    /** The cashier takes (part of) the customer's share; several payments are allowed, never more than is outstanding. */
    public Payment recordPayment(String paymentId, PaymentMethod method, Money amount, Actor cashier, Instant now) {
        if (bill == null || status != RepairOrderStatus.QC_PASSED) {
            throw new IllegalTransition("Payments are taken on the bill, which is issued once the quality check passed", status);
        }
        requireCny(amount);
        if (amount.amount().signum() <= 0) {
            throw new InvalidValue("The amount must be positive", new FieldProblem("amount", "must be greater than 0"));
        }
        Money outstanding = outstanding();
        if (amount.compareTo(outstanding) > 0) {
            throw new RuleViolated("payment-exceeds-outstanding", "More than is outstanding",
                    "Only " + outstanding.amount() + " " + outstanding.currency() + " of the customer's share is outstanding",
                    new FieldProblem("amount", "at most " + outstanding.amount())).with("outstanding", outstanding);
        }
        Payment payment = new Payment(paymentId, method, amount, cashier, now);
        payments.add(payment);
        raise(new PaymentRecorded(bill.billId(), id, orderNumber, customer.customerId(), paymentId, method, amount, paid(),
                outstanding(), cashier.id(), now));
        settleIfPaid(now);
        return payment;
    }

    public void handOver(int odometerOutKm, boolean workExplained, Actor by, Instant now) {
        if (status != RepairOrderStatus.QC_PASSED) {
            throw new IllegalTransition("A vehicle is handed over only after its quality check passed", status);
        }
        if (odometerOutKm < odometerInKm) {
            throw new RuleViolated("odometer-decreased", "Odometer lower than at reception",
                    "Odometer out " + odometerOutKm + " km is below odometer in " + odometerInKm + " km",
                    new FieldProblem("odometerOutKm", "must be at least " + odometerInKm));
        }
        if (!workExplained) {
            throw new RuleViolated("handover-incomplete", "Handover incomplete",
                    "The work must be explained before the car leaves", new FieldProblem("workExplained", "must be true"));
        }
        List<PartsLine> open = partsLines.stream().filter(PartsLine::isOpen).toList();
        if (!open.isEmpty()) {
            throw new Conflict("parts-lines-open", "Parts lines still open",
                    "Every reserved part must be issued, returned or released before handover; open: "
                            + open.stream().map(l -> l.getId() + " " + l.getPartNumber() + " (" + l.getIssuedQuantity() + " of "
                            + l.getQuantity() + " issued)").toList())
                    .with("openLines", open.stream().map(PartsLine::getId).toList());
        }
        Money outstanding = outstanding();
        if (outstanding.amount().signum() > 0) {
            throw new Conflict("bill-unpaid", "Bill not paid",
                    "The customer's share is not paid in full: " + outstanding.amount() + " " + outstanding.currency() + " outstanding")
                    .with("outstanding", outstanding);
        }
        Money paid = paid();
        handover = new Handover(odometerOutKm, true, paid, by, now);
        status = Lifecycle.requireTransition(status, RepairOrderStatus.HANDED_OVER);
        List<PayType> payTypes = activeJobs().stream().map(Job::getPayType).distinct().sorted().toList();
        raise(new RepairOrderHandedOver(id, orderNumber, vehicle.vin(), vehicle.plate(), vehicle.brand(), vehicle.model(),
                customer.customerId(), customer.name(), customer.phone(), advisor.id(), advisor.displayName(),
                odometerOutKm, now, payTypes, reworkOf, paid, bill.billId()));
        activeJobs().stream().filter(j -> j.getPayType().claimedFromOem()).forEach(j -> raise(warrantyJobCompleted(j, now)));
    }

    /**
     * What the claim needs for a WARRANTY or CAMPAIGN job. A campaign job without the technician's
     * diagnosis is claimed with the campaign as the cause, the labour operation as the correction,
     * the day of the handover as the failure date and its first part (else the campaign code) as the
     * causal part.
     */
    private WarrantyJobCompleted warrantyJobCompleted(Job job, Instant now) {
        WarrantyDetails w = job.getWarranty();
        List<PartLine> parts = partsLines.stream().filter(l -> job.getId().equals(l.getJobId()) && !l.isRemoved())
                .map(l -> new PartLine(l.getPartNumber(), l.getDescription(), issuedOrOrdered(l), priceOf(l))).toList();
        String campaign = job.getCampaignCode();
        String cause = w != null && !blank(w.cause()) ? w.cause() : "Campaign " + campaign + ": " + campaignTitle(campaign);
        String correction = w != null && !blank(w.correction()) ? w.correction() : job.getOperation().description();
        String causalPart = w != null && !blank(w.causalPartNumber()) ? w.causalPartNumber()
                : parts.isEmpty() ? campaign : parts.get(0).partNumber();
        java.time.LocalDate failureDate = w != null && w.failureDate() != null ? w.failureDate()
                : java.time.LocalDate.ofInstant(openedAt, java.time.ZoneOffset.UTC);
        boolean roadService = w != null && w.roadService();
        return new WarrantyJobCompleted(id, orderNumber, job.getId(), vehicle.vin(), vehicle.brand(), vehicle.model(),
                handover.odometerOutKm(), failureDate, now, complaint, cause, correction,
                List.of(new LabourLine(job.getOperation().code(), job.getOperation().description(), job.getHours())),
                parts, causalPart, roadService, w == null ? null : w.outsideServiceKm(), job.getTechnician().id(),
                advisor.id(), campaign, w == null ? null : w.roadServiceOrderNumber(), w == null ? null : w.roadServiceOrder());
    }

    private String campaignTitle(String campaignCode) {
        return getOpenCampaigns().stream().filter(f -> f.campaignCode().equals(campaignCode)).map(CampaignFlag::title)
                .findFirst().orElse("");
    }

    private static int issuedOrOrdered(PartsLine line) {
        int net = line.getIssuedQuantity() - line.getReturnedQuantity();
        return net > 0 ? net : line.getQuantity();
    }

    private static Money priceOf(PartsLine line) {
        return line.getUnitPrice() == null ? Money.zero(Money.CNY) : line.getUnitPrice();
    }

    public void cancel(String reason, Instant now) {
        status = Lifecycle.requireTransition(status, RepairOrderStatus.CANCELLED, "A " + status + " order cannot be cancelled");
        cancelledAt = now;
        cancelReason = reason;
        partsPending = false;
        raise(new RepairOrderCancelled(id, orderNumber, customer.customerId(), now, reason));
    }

    /** Warns the advisor ahead of the promised time so the customer hears it from us first. */
    public boolean flagIfRunningLate(Duration warning, Instant now) {
        if (status.isFinal() || lateFlaggedAt != null || promisedAt == null || now.isBefore(promisedAt.minus(warning))) {
            return false;
        }
        lateFlaggedAt = now;
        raise(new VehicleRunningLate(id, orderNumber, customer.customerId(), customer.name(), customer.phone(), advisor.id(),
                promisedAt, now));
        return true;
    }

    public void partsReserved(String lineId, String reservationId, Money catalogueUnitPrice, Instant now) {
        PartsLine line = line(lineId);
        if (line.reserved(reservationId, catalogueUnitPrice)) {
            raiseLineAdded(line, now);
        }
        partsPending = anyPending();
    }

    public void partsInsufficient(String lineId, int available, Money catalogueUnitPrice, Instant now) {
        PartsLine line = line(lineId);
        if (line.insufficient(available, catalogueUnitPrice)) {
            raiseLineAdded(line, now);
        }
        partsPending = anyPending();
    }

    /** The waiting line is covered by a purchase order arriving on {@code arrival}. @return whether it changed the line */
    public boolean partsExpected(String lineId, String purchaseOrderNumber, java.time.LocalDate arrival, Instant confirmedAt) {
        return line(lineId).expected(purchaseOrderNumber, arrival, confirmedAt);
    }

    /** The goods a waiting line waited for arrived and were reserved for it. @return whether it changed the line */
    public boolean waitingPartsArrived(String lineId, String reservationId, String purchaseOrderNumber, Instant reservedAt) {
        return line(lineId).arrived(reservationId, purchaseOrderNumber, reservedAt);
    }

    /** Whether parts the order waited for arrived and wait for the storekeeper's issue. */
    public boolean hasArrivedParts() {
        return !status.isFinal() && partsLines.stream().anyMatch(PartsLine::hasArrivedParts);
    }

    public void partsRejected(String lineId, String reason) {
        line(lineId).rejected(reason);
        partsPending = anyPending();
    }

    private void raiseLineAdded(PartsLine line, Instant now) {
        raise(new PartsLineAdded(id, orderNumber, line.getId(), line.getJobId(), line.getPartNumber(), line.getDescription(),
                line.getQuantity(), line.getUnitPrice(), line.getPayType(), line.getReservationId(), now));
    }

    /** parts-service issued pieces for a line; a redelivered issue changes nothing. @return whether it was new */
    public boolean partsIssued(String lineId, String issueId, int quantity, Instant now) {
        boolean applied = line(lineId).issued(issueId, quantity);
        if (applied) {
            reissueBillIfIssued(now);
        }
        return applied;
    }

    /** Pieces of a line came back to the store; a redelivered return changes nothing. @return whether it was new */
    public boolean partsReturned(String lineId, String returnId, int quantity, Instant now) {
        boolean applied = line(lineId).returned(returnId, quantity);
        if (applied) {
            reissueBillIfIssued(now);
        }
        return applied;
    }

    /** parts-service gave the line's reserved stock back. @return whether it changed the line */
    public boolean reservationReleased(String lineId) {
        boolean changed = line(lineId).released();
        partsPending = anyPending();
        return changed;
    }

    public boolean hasLine(String lineId) {
        return partsLines.stream().anyMatch(l -> l.getId().equals(lineId));
    }

    public List<PartsLine> pendingPartsLines() {
        return partsLines.stream().filter(l -> l.getReservation() == ReservationStatus.PENDING && !l.isRemoved()).toList();
    }

    public Estimate getEstimate() {
        Money labour = activeJobs().stream().map(this::labourOf).reduce(zero(), Money::plus);
        Money parts = partsLines.stream().filter(l -> !l.isRemoved()).map(PartsLine::total).reduce(zero(), Money::plus);
        return new Estimate(labour, parts, labour.plus(parts));
    }

    public boolean isLate() {
        return lateFlaggedAt != null && !status.isFinal();
    }

    public Money paid() {
        return payments.stream().map(Payment::amount).reduce(zero(), Money::plus);
    }

    /** What the customer still owes on the current bill (zero before the bill is issued). */
    public Money outstanding() {
        if (bill == null) {
            return zero();
        }
        Money left = bill.customerDue().minus(paid());
        return left.isNegative() ? zero() : left;
    }

    public Job job(String jobId) {
        return jobs.stream().filter(j -> j.getId().equals(jobId)).findFirst()
                .orElseThrow(() -> new NotFound("Job", jobId));
    }

    public PartsLine line(String lineId) {
        return partsLines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFound("Parts line", lineId));
    }

    private void issueBill(Instant now) {
        int revision = bill == null ? 1 : bill.revision() + 1;
        bill = Bill.workOut("BILL-" + orderNumber, revision, jobs, partsLines, otherCharges, tariff(), now);
        raise(new BillIssued(bill.billId(), id, orderNumber, revision, customer.customerId(), customer.phone(), bill.vatRate(),
                bill.shares().stream().map(s -> new BillShareLine(s.payer(), s.labour(), s.parts(), s.otherCharges(), s.discounts(),
                        s.net(), s.vat(), s.gross())).toList(), bill.total(), bill.customerDue(), now));
        settleIfPaid(now);
    }

    /** A change after the bill was issued (a late issue or return, a charge) issues its next revision. */
    private void reissueBillIfIssued(Instant now) {
        if (bill != null && status == RepairOrderStatus.QC_PASSED) {
            issueBill(now);
        }
    }

    private void settleIfPaid(Instant now) {
        if (bill.settledAt() == null && outstanding().amount().signum() == 0) {
            bill = bill.settled(now);
            raise(new BillSettled(bill.billId(), id, orderNumber, customer.customerId(), bill.customerDue(), paid(), now));
        }
    }

    /** The payer's charges before discounts, as the estimate prices them. */
    private Money payerItems(PayType payer) {
        Money labour = activeJobs().stream().filter(j -> j.getPayType() == payer).map(this::labourOf).reduce(zero(), Money::plus);
        Money parts = partsLines.stream().filter(l -> !l.isRemoved() && l.getPayType() == payer).map(PartsLine::total)
                .reduce(zero(), Money::plus);
        Money charges = otherCharges.stream().filter(c -> c.payer() == payer)
                .map(c -> c.discount() ? zero().minus(c.amount()) : c.amount()).reduce(zero(), Money::plus);
        return labour.plus(parts).plus(charges);
    }

    private boolean anyPending() {
        return partsLines.stream().anyMatch(l -> l.getReservation() == ReservationStatus.PENDING && !l.isRemoved());
    }

    private List<Job> activeJobs() {
        return jobs.stream().filter(j -> j.getStatus().counts()).toList();
    }

    /** Every job is on the estimate at its pay type's rate, whoever pays it. */
    private Money labourOf(Job job) {
        return tariff().rateOf(job.getPayType()).times(job.getHours());
    }

    public Tariff tariff() {
        return tariff;
    }

    private static Money zero() {
        return Money.zero(Money.CNY);
    }

    private void reopenIfQualityChecked() {
        if (status == RepairOrderStatus.QC_PASSED) {
            status = Lifecycle.requireTransition(status, RepairOrderStatus.IN_WORK);
        }
    }

    private void requireChangeable(String step) {
        if (status.isFinal()) {
            throw new IllegalTransition("Cannot " + step + " on a " + status + " order", status);
        }
    }

    private void requireStatus(RepairOrderStatus expected, String step) {
        if (status != expected) {
            throw new IllegalTransition("Cannot " + step + " while the order is " + status, status);
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
            throw new RuleViolated("warranty-details-missing", "Warranty details missing",
                    "A warranty job needs what the claim needs", missing.toArray(FieldProblem[]::new));
        }
    }

    /** Bills are in CNY. */
    private static void requireCny(Money amount) {
        if (!Money.CNY.equals(amount.currency())) {
            throw new InvalidValue("Amounts on a bill are in CNY, not " + amount.currency(), new FieldProblem("amount.currency", "must be CNY"));
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
    public Actor getAdvisor() { return advisor; }
    public int getOdometerInKm() { return odometerInKm; }
    public String getComplaint() { return complaint; }
    public WalkAround getWalkAround() { return walkAround; }
    public Instant getPromisedAt() { return promisedAt; }
    public String getAppointmentId() { return appointmentId; }
    public String getReworkOf() { return reworkOf; }
    public List<Job> getJobs() { return List.copyOf(jobs); }
    public List<CampaignFlag> getOpenCampaigns() { return openCampaigns == null ? List.of() : List.copyOf(openCampaigns); }
    public List<PartsLine> getPartsLines() { return List.copyOf(partsLines); }
    public List<EstimateApproval> getApprovals() { return List.copyOf(approvals); }
    public List<OtherCharge> getOtherCharges() { return otherCharges == null ? List.of() : List.copyOf(otherCharges); }
    public List<Payment> getPayments() { return payments == null ? List.of() : List.copyOf(payments); }
    public Bill getBill() { return bill; }
    public boolean isPartsPending() { return partsPending; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getFirstQualityCheckAt() { return firstQualityCheckAt; }
    public Boolean getFirstQualityCheckPassed() { return firstQualityCheckPassed; }
    public Instant getQualityPassedAt() { return qualityPassedAt; }
    public Instant getLateFlaggedAt() { return lateFlaggedAt; }
    public Handover getHandover() { return handover; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }
}
