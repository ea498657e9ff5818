package dev.forecourt.workshop.dispatch;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.technician.Certificates;
import dev.forecourt.workshop.technician.Technician;
import dev.forecourt.workshop.technician.TechnicianRoster;

/**
 * The workshop supervisor's dispatch (派工): a job to an active, skilled technician (certified, with a
 * valid certificate, for a certified skill) and a free bay.
 * A job held by a technician who has since left is dispatched again: the new technician and bay
 * take it over, the old claims are released, the board follows.
 */
@Service
public class Dispatcher {

    private final RepairOrders orders;
    private final TechnicianRoster roster;
    private final WorkshopFloor floor;
    private final WorkshopProperties workshop;
    private final Clock clock;
    private final Certificates certificates;

    Dispatcher(RepairOrders orders, TechnicianRoster roster, WorkshopFloor floor, WorkshopProperties workshop, Clock clock,
               Certificates certificates) {
        this.certificates = certificates;
        this.orders = orders;
        this.roster = roster;
        this.floor = floor;
        this.workshop = workshop;
        this.clock = clock;
    }

    public RepairOrder dispatch(String repairOrderId, String jobId, String technicianId, String bayId, ExpectedVersion expected) {
        RepairOrder order = orders.get(repairOrderId);
        Job job = order.job(jobId);
        boolean redispatch = job.getStatus().occupiesWorkshop() && job.getTechnician() != null
                && roster.find(job.getTechnician().id()).map(t -> !t.active()).orElse(false);
        if (!redispatch) {
            order.checkDispatchable(jobId);
        }
        Technician technician = roster.find(technicianId).orElseThrow(() -> new RuleViolated(
                "unknown-technician", "Unknown technician", "No technician " + technicianId + " on the workshop roster",
                new FieldProblem("technicianId", "not a known technician")));
        if (!technician.active()) {
            throw new IllegalTransition("Technician " + technician.name() + " is no longer an active technician",
                    technician.leftOn() != null ? "LEFT" : "INACTIVE");
        }
        if (!technician.has(job.getRequiredSkill())) {
            throw new RuleViolated("technician-lacks-skill", "Technician lacks the skill",
                    technician.name() + " has no " + job.getRequiredSkill() + " skill", new FieldProblem("technicianId", "lacks " + job.getRequiredSkill()));
        }
        certificates.requireFor(technician, job.getRequiredSkill());
        if (!workshop.bays().contains(bayId)) {
            throw new RuleViolated("unknown-bay", "Unknown bay", "Bay " + bayId + " is not one of " + workshop.bays(),
                    new FieldProblem("bayId", "not a bay of this workshop"));
        }
        Instant now = clock.instant();
        Occupancy claim = new Occupancy(null, order.getId(), order.getOrderNumber(), order.getVehicle().plate(), jobId,
                job.getOperation().description(), technician.employeeId(), technician.name(), bayId, now);
        Actor assigned = new Actor(technician.employeeId(), technician.username(), technician.name(), technician.positionCode());
        if (redispatch) {
            floor.takeOver(claim, job.getTechnician().id(), job.getBayId());
            return orders.change(repairOrderId, expected, o -> o.redispatch(jobId, assigned, bayId, now));
        }
        floor.claim(claim);
        try {
            return orders.change(repairOrderId, expected, o -> o.dispatch(jobId, assigned, bayId, now));
        } catch (RuntimeException e) {
            floor.unclaim(claim);
            throw e;
        }
    }
}
