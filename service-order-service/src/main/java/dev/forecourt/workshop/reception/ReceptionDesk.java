package dev.forecourt.workshop.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.workshop.appointment.Appointment;
import dev.forecourt.workshop.appointment.Appointments;
import dev.forecourt.workshop.campaign.ServiceCampaigns;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.parts.PartsReserver;
import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.roadservice.RoadServiceOrders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reception (接车): opens a repair order for a walk-in or an appointment, flags the open recalls and
 * service campaigns the car is in, then reserves its parts.
 */
@Service
public class ReceptionDesk {

    private final RepairOrders orders;
    private final Appointments appointments;
    private final PartsReserver parts;
    private final WorkshopProperties workshop;
    private final ForecourtProperties store;
    private final Clock clock;
    private final Counter opened;
    private final ServiceCampaigns campaigns;
    private final RoadServiceOrders roadService;

    ReceptionDesk(RepairOrders orders, Appointments appointments, PartsReserver parts, WorkshopProperties workshop,
              ForecourtProperties store, Clock clock, MeterRegistry meters, ServiceCampaigns campaigns,
              RoadServiceOrders roadService) {
        this.roadService = roadService;
        this.campaigns = campaigns;
        this.orders = orders;
        this.appointments = appointments;
        this.parts = parts;
        this.workshop = workshop;
        this.store = store;
        this.clock = clock;
        this.opened = Counter.builder("forecourt.repair-orders.opened").description("Repair orders opened at reception").register(meters);
    }

    public RepairOrder open(Reception reception, Actor advisor, String reworkOf, List<JobInput> jobs, List<PartsLineInput> lines) {
        if (!Vin.isValid(reception.vehicle().vin())) {
            throw new RuleViolated("vin-check-digit", "VIN check digit wrong",
                    "VIN " + reception.vehicle().vin() + " fails its check digit", new FieldProblem("vehicle.vin", "check digit does not match"));
        }
        Appointment appointment = reception.appointmentId() == null ? null : appointments.get(reception.appointmentId());
        if (appointment != null) {
            appointment.checkCanArrive();
        }
        RepairOrder earlier = reworkOf == null ? null : orders.get(reworkOf);
        Instant now = clock.instant();
        // Everything the order checks is checked before anything is written.
        RepairOrder order = RepairOrder.open(UUID.randomUUID().toString(), orders.nextOrderNumber(), store.storeId(), reception,
                advisor, workshop.tariff(), earlier, now);
        order.flagCampaigns(campaigns.flagsFor(order.getVehicle().vin(), LocalDate.ofInstant(now, store.timeZone())));
        List<Job> added = new ArrayList<>();
        for (JobInput job : jobs) {
            added.add(order.addJob(job.operation(), job.hours(), job.payType(), job.requiredSkill(),
                    roadService.withOrderQuoted(job.warrantyDetails(), order.getVehicle().vin(), order.getId()),
                    job.campaignCode(), now));
        }
        for (PartsLineInput line : lines) {
            order.addPartsLine(jobIdOf(line, added), line.partNumber(), line.description(), line.quantity(), line.payType());
        }
        if (appointment != null) {
            appointments.arrive(appointment.getId(), order.getId());
        }
        orders.insert(order);
        opened.increment();
        return parts.reservePending(order.getId());
    }

    private static String jobIdOf(PartsLineInput line, List<Job> jobs) {
        if (line.jobIndex() == null) {
            return null;
        }
        if (line.jobIndex() >= jobs.size()) {
            throw new InvalidValue("jobIndex " + line.jobIndex() + " does not name a job of this request",
                    new FieldProblem("partsLines.jobIndex", "no such job"));
        }
        return jobs.get(line.jobIndex()).getId();
    }
}
