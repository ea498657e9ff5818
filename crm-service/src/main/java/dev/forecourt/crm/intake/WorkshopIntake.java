package dev.forecourt.crm.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.CallbackTasks;
import dev.forecourt.crm.callback.MaintenanceInfo;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.crm.customer.OwnedVehicle;
import dev.forecourt.crm.customer.RepairVisit;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/** Learns from service-order-service's handovers: the repair history, the service follow-up and the next maintenance reminder. */
@Component
class WorkshopIntake {

    /** The fields of service-order-service's RepairOrderHandedOver this service uses (the shared contract). */
    record RepairOrderHandedOver(String repairOrderId, String orderNumber, String vin, String plate, String brand,
                                 String model, String customerId, String customerName, String customerPhone,
                                 String advisorId, String advisorName, Integer odometerOutKm, Instant handedOverAt,
                                 List<String> payTypes, String reworkOf) {

        /** Internal orders (PDI, stock vehicles) have no customer to ask. */
        boolean internalOnly() {
            return payTypes != null && !payTypes.isEmpty() && payTypes.stream().allMatch("INTERNAL"::equals);
        }
    }

    private final Customers customers;
    private final CallbackTasks tasks;
    private final MaintenanceReminderPolicy maintenance;
    private final StoreCalendar calendar;

    WorkshopIntake(Customers customers, CallbackTasks tasks, MaintenanceReminderPolicy maintenance, StoreCalendar calendar) {
        this.customers = customers;
        this.tasks = tasks;
        this.maintenance = maintenance;
        this.calendar = calendar;
    }

    @HandlesEvent("forecourt.workshop.repair-order-handed-over.v1")
    void on(RepairOrderHandedOver handover, IncomingEvent event) {
        if (handover.customerPhone() == null || handover.customerPhone().isBlank() || handover.internalOnly()) {
            return;
        }
        Instant at = handover.handedOverAt() != null ? handover.handedOverAt() : event.time();
        LocalDate on = calendar.dateOf(at);
        RepairVisit visit = new RepairVisit(handover.repairOrderId(), handover.orderNumber(), handover.vin(), handover.plate(),
                at, handover.odometerOutKm(), handover.advisorId(), handover.advisorName(),
                handover.payTypes() == null ? List.of() : handover.payTypes(), handover.reworkOf());
        Customer customer = customers.apply(handover.customerPhone(), handover.customerName(), "REPAIR",
                c -> c.recordRepair(visit, handover.brand(), handover.model(), on, handover.customerId(), true, false, calendar.now()));

        tasks.serviceFollowUp(event.id(), at, customer, subject(CallbackKind.SERVICE_FOLLOW_UP, customer, handover, null));

        // The workshop event does not say which jobs were done, so every visit restarts the scheduled-maintenance
        // clock, except a rework (it only redoes earlier work) and a visit older than one already seen.
        OwnedVehicle vehicle = customer.vehicle(handover.vin()).orElse(null);
        if (handover.reworkOf() == null && vehicle != null && on.equals(vehicle.lastVisitOn())) {
            int km = handover.odometerOutKm() == null ? 0 : handover.odometerOutKm();
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
