package dev.forecourt.crm.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.CallbackTasks;
import dev.forecourt.crm.callback.MaintenanceInfo;
import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.crm.customer.OwnedVehicle;
import dev.forecourt.crm.customer.RepairVisit;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/**
 * Learns from service-order-service's handovers: the repair history, the service follow-up, and the
 * maintenance clock. Only a maintenance job (by labour operation code, from the order's
 * JobCompleted events) records a maintenance and restarts the clock: a brake repair leaves the
 * first-maintenance reminder in place. A free visit (nothing due, no warranty or insurance work, no
 * maintenance: a campaign check) is kept in the history but does not count as a visit for dormancy.
 */
@Component
class WorkshopIntake {

    /** The fields of service-order-service's RepairOrderHandedOver this service uses (the shared contract). */
    record RepairOrderHandedOver(String repairOrderId, String orderNumber, String vin, String plate, String brand,
                                 String model, String customerId, String customerName, String customerPhone,
                                 String advisorId, String advisorName, Integer odometerOutKm, Instant handedOverAt,
                                 List<String> payTypes, String reworkOf, Amount amountSettled, List<String> labourOperationCodes) {

        /** Internal orders (PDI, stock vehicles) have no customer to ask. */
        boolean internalOnly() {
            return payTypes != null && !payTypes.isEmpty() && payTypes.stream().allMatch("INTERNAL"::equals);
        }

        /** Nothing was due and nobody else paid for work: a free check (a store campaign), not a visit that keeps a customer. */
        boolean free() {
            boolean nothingDue = amountSettled == null || amountSettled.amount() == null || amountSettled.amount().signum() == 0;
            boolean paidByOthers = payTypes != null && (payTypes.contains("WARRANTY") || payTypes.contains("INSURANCE"));
            return nothingDue && !paidByOthers;
        }
    }

    record Amount(BigDecimal amount, String currency) {
    }

    private final Customers customers;
    private final CallbackTasks tasks;
    private final MaintenanceReminderPolicy maintenance;
    private final CrmProperties crm;
    private final RepairOrderJobs jobs;
    private final StoreCalendar calendar;

    WorkshopIntake(Customers customers, CallbackTasks tasks, MaintenanceReminderPolicy maintenance, CrmProperties crm,
                   RepairOrderJobs jobs, StoreCalendar calendar) {
        this.customers = customers;
        this.tasks = tasks;
        this.maintenance = maintenance;
        this.crm = crm;
        this.jobs = jobs;
        this.calendar = calendar;
    }

    @HandlesEvent("forecourt.workshop.repair-order-handed-over.v1")
    void on(RepairOrderHandedOver handover, IncomingEvent event) {
        if (handover.customerPhone() == null || handover.customerPhone().isBlank() || handover.internalOnly()) {
            return;
        }
        Instant at = handover.handedOverAt() != null ? handover.handedOverAt() : event.time();
        LocalDate on = calendar.dateOf(at);
        Set<String> codes = new LinkedHashSet<>(jobs.of(handover.repairOrderId()));
        if (handover.labourOperationCodes() != null) {
            codes.addAll(handover.labourOperationCodes());
        }
        boolean maintained = handover.reworkOf() == null && codes.stream().anyMatch(crm.maintenance()::isMaintenance);
        boolean countsAsVisit = maintained || !handover.free();
        RepairVisit visit = new RepairVisit(handover.repairOrderId(), handover.orderNumber(), handover.vin(), handover.plate(),
                at, handover.odometerOutKm(), handover.advisorId(), handover.advisorName(),
                handover.payTypes() == null ? List.of() : handover.payTypes(), handover.reworkOf());
        Customer customer = customers.apply(handover.customerPhone(), handover.customerName(), "REPAIR",
                c -> c.recordRepair(visit, handover.brand(), handover.model(), on, handover.customerId(), countsAsVisit, maintained,
                        calendar.now()));

        tasks.serviceFollowUp(event.id(), at, customer, subject(CallbackKind.SERVICE_FOLLOW_UP, customer, handover, null));

        OwnedVehicle vehicle = customer.vehicle(handover.vin()).orElse(null);
        if (vehicle == null) {
            return;
        }
        int km = handover.odometerOutKm() == null ? 0 : handover.odometerOutKm();
        boolean latestMaintenance = maintained && on.equals(vehicle.lastMaintenanceOn());
        // A car first seen here (not sold here, never maintained here) starts its clock at this visit: nothing better is known.
        boolean clockUnknown = !maintained && vehicle.deliveredOn() == null && vehicle.lastMaintenanceOn() == null
                && handover.reworkOf() == null && !tasks.hasMaintenanceReminder(handover.vin());
        if (latestMaintenance || clockUnknown) {
            MaintenanceReminderPolicy.MaintenanceDue due = maintenance.next(MaintenanceReminderPolicy.Kind.SCHEDULED,
                    vehicle.model(), on, km, vehicle.kmPerDay());
            tasks.maintenanceReminder(event.id(), customer,
                    subject(CallbackKind.MAINTENANCE_REMINDER, customer, handover, MaintenanceInfo.of(due)), due);
        }
    }

    private static CallbackTask.Subject subject(CallbackKind kind, Customer customer, RepairOrderHandedOver handover,
                                                MaintenanceInfo info) {
        return new CallbackTask.Subject(kind, null, customer.getId(), customer.getName(), customer.getPhone(),
                handover.advisorId(), handover.advisorName(), handover.vin(), handover.model(), null,
                handover.repairOrderId(), null, info);
    }
}
