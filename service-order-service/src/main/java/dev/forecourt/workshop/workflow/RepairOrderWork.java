package dev.forecourt.workshop.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.campaign.ServiceCampaigns;
import dev.forecourt.workshop.dispatch.WorkshopFloor;
import dev.forecourt.workshop.repairorder.CampaignFlag;
import dev.forecourt.workshop.parts.PartsReserver;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.SelfCheck;
import dev.forecourt.workshop.repairorder.WarrantyDetails;
import dev.forecourt.workshop.roadservice.RoadServiceOrders;
import dev.forecourt.workshop.technician.TechnicianRoster;

/**
 * The steps of an open repair order after reception: estimate, extra work, the technician's work,
 * quality check, handover. Who may record a technician's work is decided here: only the technician
 * the job is assigned to, and only while hr-service has not told us that they left.
 */
@Service
public class RepairOrderWork {

    private final RepairOrders orders;
    private final WorkshopFloor floor;
    private final PartsReserver parts;
    private final TechnicianRoster roster;
    private final Clock clock;
    private final ServiceCampaigns campaigns;
    private final ForecourtProperties store;
    private final RoadServiceOrders roadService;

    RepairOrderWork(RepairOrders orders, WorkshopFloor floor, PartsReserver parts, TechnicianRoster roster, Clock clock,
                    ServiceCampaigns campaigns, ForecourtProperties store, RoadServiceOrders roadService) {
        this.roadService = roadService;
        this.campaigns = campaigns;
        this.store = store;
        this.orders = orders;
        this.floor = floor;
        this.parts = parts;
        this.roster = roster;
        this.clock = clock;
    }

    /** Work found during the repair is added as proposed: it needs the customer's approval again. */
    public RepairOrder addJob(String id, JobInput job, ExpectedVersion expected) {
        String vin = orders.get(id).getVehicle().vin();
        List<CampaignFlag> open = job.campaignCode() == null ? List.of()
                : campaigns.flagsFor(vin, LocalDate.ofInstant(clock.instant(), store.timeZone()));
        WarrantyDetails warranty = roadService.withOrderQuoted(job.warrantyDetails(), vin, id);
        return orders.change(id, expected, o -> {
            o.flagCampaigns(open);
            o.addJob(job.operation(), job.hours(), job.payType(), job.requiredSkill(), warranty, job.campaignCode(),
                    clock.instant());
        });
    }

    public RepairOrder addPartsLine(String id, PartsLineInput line, ExpectedVersion expected) {
        orders.change(id, expected, o -> o.addPartsLine(line.jobId(), line.partNumber(), line.description(), line.quantity(),
                line.payType()));
        return parts.reservePending(id);
    }

    public RepairOrder removePartsLine(String id, String lineId, String reason, ExpectedVersion expected) {
        return orders.change(id, expected, o -> o.removePartsLine(lineId, reason, clock.instant()));
    }

    public RepairOrder approveEstimate(String id, String approvedVia, Actor recordedBy, ExpectedVersion expected) {
        return orders.change(id, expected, o -> o.approveEstimate(approvedVia, recordedBy, clock.instant()));
    }

    public RepairOrder declineJob(String id, String jobId, ExpectedVersion expected) {
        return orders.change(id, expected, o -> o.declineJob(jobId, clock.instant()));
    }

    public RepairOrder start(String id, String jobId, Actor technician, ExpectedVersion expected) {
        requireStillEmployed(technician);
        return orders.change(id, expected, o -> {
            requireAssigned(o.job(jobId), technician);
            o.startJob(jobId, clock.instant());
        });
    }

    public RepairOrder pause(String id, String jobId, Actor technician, ExpectedVersion expected) {
        requireStillEmployed(technician);
        return orders.change(id, expected, o -> {
            requireAssigned(o.job(jobId), technician);
            o.pauseJob(jobId, clock.instant());
        });
    }

    /** A finished job frees its technician and bay for the next one. */
    public RepairOrder finish(String id, String jobId, Actor technician, SelfCheck check, ExpectedVersion expected) {
        requireStillEmployed(technician);
        RepairOrder order = orders.change(id, expected, o -> {
            requireAssigned(o.job(jobId), technician);
            o.finishJob(jobId, check, clock.instant());
        });
        floor.releaseJob(id, jobId);
        return order;
    }

    public RepairOrder qualityCheck(String id, boolean passed, List<QualityFinding> findings, Actor inspector,
                                    ExpectedVersion expected) {
        return orders.change(id, expected, o -> o.qualityCheck(passed, findings, inspector, clock.instant()));
    }

    public RepairOrder handOver(String id, int odometerOutKm, boolean workExplained, Actor by, ExpectedVersion expected) {
        return orders.change(id, expected, o -> o.handOver(odometerOutKm, workExplained, by, clock.instant()));
    }

    public RepairOrder cancel(String id, String reason, ExpectedVersion expected) {
        RepairOrder order = orders.change(id, expected, o -> o.cancel(reason, clock.instant()));
        floor.releaseOrder(id);
        return order;
    }

    /** Someone hr-service reported as gone records no more work, whatever their token still says. */
    private void requireStillEmployed(Actor technician) {
        roster.find(technician.id()).filter(t -> t.leftOn() != null).ifPresent(t -> {
            throw new ProblemException(HttpStatus.FORBIDDEN, "technician-left", "No longer a technician here",
                    t.name() + " left on " + t.leftOn() + "; the workshop supervisor dispatches their jobs to someone else");
        });
    }

    /** Only the technician the supervisor assigned records work on the job. */
    private static void requireAssigned(Job job, Actor technician) {
        if (!job.isAssignedTo(technician.id())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-assigned-technician", "Not your job",
                    "Job " + job.getId() + " is assigned to " + (job.getTechnician() == null ? "nobody" : job.getTechnician().displayName()));
        }
    }
}
