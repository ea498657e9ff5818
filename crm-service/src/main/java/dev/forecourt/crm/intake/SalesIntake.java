package dev.forecourt.crm.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.CallbackTasks;
import dev.forecourt.crm.callback.InsurancePolicyInfo;
import dev.forecourt.crm.callback.MaintenanceInfo;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.crm.customer.OwnedVehicle;
import dev.forecourt.crm.customer.Purchase;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/**
 * Learns from sales-service's deliveries: the purchase, customer service's 3-day check, the
 * consultant's 7-day call and the first-maintenance reminder; and from the insurance policy sold with the car, the renewal
 * call ahead of its expiry.
 */
@Component
class SalesIntake {

    /** The fields of sales-service's VehicleDelivered this service uses (the shared contract). */
    record VehicleDelivered(String salesOrderId, String vin, String brand, String model, String customerId,
                            String customerName, String customerPhone, String consultantId, String consultantName,
                            LocalDate deliveryDate, Instant deliveredAt, Integer odometerKm) {
    }

    /** The fields of sales-service's InsurancePolicyRecorded this service uses (the shared contract). */
    record InsurancePolicyRecorded(String salesOrderId, String customerId, String customerPhone, String customerName, String vin,
                                   String insurer, Premium premium, LocalDate startsOn, LocalDate expiresOn, String policyNumber,
                                   Instant recordedAt) {
    }

    record Premium(java.math.BigDecimal amount, String currency) {
    }

    private final Customers customers;
    private final CallbackTasks tasks;
    private final MaintenanceReminderPolicy maintenance;
    private final StoreCalendar calendar;

    SalesIntake(Customers customers, CallbackTasks tasks, MaintenanceReminderPolicy maintenance, StoreCalendar calendar) {
        this.customers = customers;
        this.tasks = tasks;
        this.maintenance = maintenance;
        this.calendar = calendar;
    }

    @HandlesEvent("forecourt.sales.vehicle-delivered.v1")
    void on(VehicleDelivered delivered, IncomingEvent event) {
        if (delivered.customerPhone() == null || delivered.customerPhone().isBlank()) {
            return; // a delivery without a customer to call (e.g. a fleet transfer) gives nothing to follow up
        }
        Instant deliveredAt = delivered.deliveredAt() != null ? delivered.deliveredAt() : event.time();
        LocalDate deliveryDate = delivered.deliveryDate() != null ? delivered.deliveryDate() : calendar.dateOf(deliveredAt);
        int odometer = delivered.odometerKm() == null ? 0 : delivered.odometerKm();
        Purchase purchase = new Purchase(delivered.salesOrderId(), delivered.vin(), delivered.brand(), delivered.model(),
                deliveryDate, deliveredAt, delivered.consultantId(), delivered.consultantName());
        Customer customer = customers.apply(delivered.customerPhone(), delivered.customerName(), "SALE",
                c -> c.recordPurchase(purchase, odometer, delivered.customerId(), calendar.now()));

        tasks.deliveryFollowUp(event.id(), deliveredAt, customer, subject(CallbackKind.DELIVERY_FOLLOW_UP, customer, delivered, null));
        tasks.sevenDayCall(event.id(), deliveredAt, customer, subject(CallbackKind.SEVEN_DAY_CALL, customer, delivered, null));

        // The first-maintenance clock starts at delivery, unless a maintenance was already recorded (events arrive out of order).
        boolean maintainedSince = customer.vehicle(delivered.vin()).map(OwnedVehicle::firstMaintenanceDone).orElse(false);
        if (!maintainedSince) {
            MaintenanceReminderPolicy.MaintenanceDue due = maintenance.next(MaintenanceReminderPolicy.Kind.FIRST,
                    delivered.model(), deliveryDate, odometer, null);
            tasks.maintenanceReminder(event.id(), customer,
                    subject(CallbackKind.MAINTENANCE_REMINDER, customer, delivered, MaintenanceInfo.of(due)), due);
        }
    }

    /** The policy sold with the car: a renewal call ahead of its expiry. */
    @HandlesEvent("forecourt.sales.insurance-policy-recorded.v1")
    void on(InsurancePolicyRecorded recorded, IncomingEvent event) {
        if (recorded.customerPhone() == null || recorded.customerPhone().isBlank() || recorded.expiresOn() == null) {
            return;
        }
        Customer customer = customers.apply(recorded.customerPhone(), recorded.customerName(), "POLICY", c -> false);
        String model = customer.vehicle(recorded.vin()).map(OwnedVehicle::model).orElse(null);
        InsurancePolicyInfo policy = new InsurancePolicyInfo(recorded.insurer(), recorded.policyNumber(),
                recorded.premium() == null ? null : recorded.premium().amount(), recorded.premium() == null ? null : recorded.premium().currency(),
                recorded.startsOn(), recorded.expiresOn(), recorded.recordedAt() != null ? recorded.recordedAt() : event.time());
        tasks.insuranceRenewal(recorded.salesOrderId(), policy, customer, new CallbackTask.Subject(CallbackKind.INSURANCE_RENEWAL, null,
                customer.getId(), customer.getName(), customer.getPhone(), null, null, recorded.vin(), model,
                recorded.salesOrderId(), null, null, null));
    }

    private static CallbackTask.Subject subject(CallbackKind kind, Customer customer, VehicleDelivered delivered,
                                                MaintenanceInfo info) {
        return new CallbackTask.Subject(kind, null, customer.getId(), customer.getName(), customer.getPhone(),
                delivered.consultantId(), delivered.consultantName(), delivered.vin(), delivered.model(),
                delivered.salesOrderId(), null, null, info);
    }
}
