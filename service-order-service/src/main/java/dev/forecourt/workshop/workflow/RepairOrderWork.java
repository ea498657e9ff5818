package dev.forecourt.workshop.workflow;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.dispatch.WorkshopFloor;
import dev.forecourt.workshop.parts.PartsReserver;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.repairorder.Person;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.SelfCheck;

/** The steps of an open repair order after reception: estimate, extra work, the technician's work, quality check, handover. */
@Service
public class RepairOrderWork {

    private final RepairOrders orders;
    private final WorkshopFloor floor;
    private final PartsReserver parts;
    private final Clock clock;

    RepairOrderWork(RepairOrders orders, WorkshopFloor floor, PartsReserver parts, Clock clock) {
        this.orders = orders;
        this.floor = floor;
        this.parts = parts;
        this.clock = clock;
    }

    /** Work found during the repair is added as proposed: it needs the customer's approval again. */
    public RepairOrder addJob(String id, JobInput job) {
        return orders.change(id, o -> o.addJob(job.operation(), job.hours(), job.payType(), job.requiredSkill(), job.warrantyDetails()));
    }

    public RepairOrder addPartsLine(String id, PartsLineInput line) {
        orders.change(id, o -> o.addPartsLine(line.jobId(), line.partNumber(), line.description(), line.quantity(), line.unitPrice()));
        return parts.reservePending(id);
    }

    public RepairOrder approveEstimate(String id, String approvedVia, Person recordedBy) {
        return orders.change(id, o -> o.approveEstimate(approvedVia, recordedBy, clock.instant()));
    }

    public RepairOrder declineJob(String id, String jobId) {
        return orders.change(id, o -> o.declineJob(jobId));
    }

    public RepairOrder start(String id, String jobId, String employeeId) {
        return orders.change(id, o -> o.startJob(jobId, employeeId, clock.instant()));
    }

    public RepairOrder pause(String id, String jobId, String employeeId) {
        return orders.change(id, o -> o.pauseJob(jobId, employeeId));
    }

    /** A finished job frees its technician and bay for the next one. */
    public RepairOrder finish(String id, String jobId, String employeeId, SelfCheck check) {
        RepairOrder order = orders.change(id, o -> o.finishJob(jobId, employeeId, check, clock.instant()));
        floor.releaseJob(id, jobId);
        return order;
    }

    public RepairOrder qualityCheck(String id, boolean passed, List<QualityFinding> findings, Person inspector) {
        return orders.change(id, o -> o.qualityCheck(passed, findings, inspector, clock.instant()));
    }

    public RepairOrder handOver(String id, int odometerOutKm, boolean workExplained, boolean billSettled, Money amountSettled,
                                Person by) {
        return orders.change(id, o -> o.handOver(odometerOutKm, workExplained, billSettled, amountSettled, by, clock.instant()));
    }

    public RepairOrder cancel(String id, String reason) {
        RepairOrder order = orders.change(id, o -> o.cancel(reason, clock.instant()));
        floor.releaseOrder(id);
        return order;
    }
}
