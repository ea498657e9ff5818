package dev.forecourt.crm.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * What texts customers: a vehicle running late (the workshop's VehicleRunningLate), a confirmed
 * appointment (a confirmation now and a reminder the day before), a cancelled appointment (its
 * reminder is withdrawn), and a planned maintenance reminder call (an invitation on the day the
 * call is due, which is withdrawn when the reminder is replaced).
 */
@Component
class MessageTriggers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    record VehicleRunningLate(String repairOrderId, String orderNumber, String customerId, String customerName,
                              String customerPhone, Instant promisedAt) {
    }

    record AppointmentConfirmed(String appointmentId, String customerId, String customerName, String customerPhone, String vin,
                                String plate, Instant slotStart) {
    }

    record AppointmentCancelled(String appointmentId) {
    }

    record CallbackScheduled(String callbackId, String customerId, String customerPhone, String kind, String vin, Instant dueAt) {
    }

    record CallbackCancelled(String callbackId, String kind) {
    }

    private final Messaging messaging;
    private final Customers customers;
    private final ZoneId zone;

    MessageTriggers(Messaging messaging, Customers customers, ForecourtProperties store) {
        this.messaging = messaging;
        this.customers = customers;
        this.zone = store.timeZone();
    }

    @HandlesEvent("forecourt.workshop.vehicle-running-late.v1")
    void on(VehicleRunningLate late, IncomingEvent event) {
        messaging.queue("late-" + event.id(), MessageKind.LATE_VEHICLE,
                new Messaging.Recipient(late.customerPhone(), late.customerName(), "REPAIR"),
                "【Forecourt】尊敬的" + name(late.customerName()) + "，您的爱车（工单 " + late.orderNumber() + "）未能在约定的 "
                        + TIME.format(late.promisedAt().atZone(zone)) + " 前完工，我们深表歉意，服务顾问会尽快与您联系确认新的交车时间。",
                late.repairOrderId(), null, event.time());
    }

    @HandlesEvent("forecourt.workshop.appointment-confirmed.v1")
    void on(AppointmentConfirmed appointment, IncomingEvent event) {
        String name = appointment.customerName() != null ? appointment.customerName()
                : customers.findByPhone(appointment.customerPhone()).map(Customer::getName).orElse(null);
        Messaging.Recipient to = new Messaging.Recipient(appointment.customerPhone(), name, "APPOINTMENT");
        String when = TIME.format(appointment.slotStart().atZone(zone));
        messaging.queue("appointment-confirmed-" + appointment.appointmentId(), MessageKind.APPOINTMENT_CONFIRMATION, to,
                "【Forecourt】尊敬的" + name(name) + "，您的保养维修预约已确认：" + when + "，请准时到店。如需改期请致电服务顾问。",
                appointment.appointmentId(), null, event.time());
        LocalDate dayBefore = appointment.slotStart().atZone(zone).toLocalDate().minusDays(1);
        Instant remindAt = messaging.onDay(dayBefore);
        if (remindAt.isAfter(event.time())) {
            messaging.queue("appointment-reminder-" + appointment.appointmentId(), MessageKind.APPOINTMENT_REMINDER, to,
                    "【Forecourt】温馨提示：" + name(name) + "，您预约的 " + when + " 到店服务就在明天，我们期待您的光临。",
                    appointment.appointmentId(), remindAt, event.time());
        }
    }

    @HandlesEvent("forecourt.workshop.appointment-cancelled.v1")
    void on(AppointmentCancelled cancelled) {
        messaging.cancel("appointment-reminder-" + cancelled.appointmentId(), "the appointment was cancelled");
    }

    @HandlesEvent("forecourt.crm.callback-scheduled.v1")
    void on(CallbackScheduled scheduled, IncomingEvent event) {
        if (!"MAINTENANCE_REMINDER".equals(scheduled.kind()) || scheduled.customerPhone() == null) {
            return;
        }
        String name = customers.findByPhone(scheduled.customerPhone()).map(Customer::getName).orElse(null);
        LocalDate day = scheduled.dueAt().atZone(zone).toLocalDate();
        messaging.queue("invitation-" + scheduled.callbackId(), MessageKind.MAINTENANCE_INVITATION,
                new Messaging.Recipient(scheduled.customerPhone(), name, "REPAIR"),
                "【Forecourt】尊敬的" + name(name) + "，您的爱车即将到达保养周期，欢迎预约到店保养，我们将为您提供专业的服务。",
                scheduled.callbackId(), messaging.onDay(day), event.time());
    }

    @HandlesEvent("forecourt.crm.callback-cancelled.v1")
    void on(CallbackCancelled cancelled) {
        if ("MAINTENANCE_REMINDER".equals(cancelled.kind())) {
            messaging.cancel("invitation-" + cancelled.callbackId(), "the maintenance reminder was replaced");
        }
    }

    private static String name(String name) {
        return name == null || name.isBlank() ? "客户" : name.split(" ")[0];
    }
}
