package dev.forecourt.sales.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.sales.customers.Customer;

/**
 * A delivery appointment (交车预约) the showroom supervisor schedules for a confirmed or paid order:
 * when the customer comes to take the car, and with which consultant. Handing the car over keeps it
 * (COMPLETED, whatever time it was set for); cancelling it by hand, or the end of its order by another
 * way (the order cancelled, or delivered without naming it), cancels it with a {@link CancellationCause}.
 *
 * <p>{@code openFor} names the sales order while the appointment is scheduled and is gone once it is
 * kept or cancelled. A unique sparse index on it lets the database refuse a second open appointment
 * for the same order, even when two are scheduled at the same moment.
 */
@Document("delivery_appointments")
public class DeliveryAppointment extends OutboxAggregate {

    static final String OPEN_FOR = "openFor";

    @Id
    private String id;
    private String salesOrderId;
    private String openFor;
    private String vin;
    private String model;
    private Customer customer;
    private String consultantId;
    private String consultantName;
    private Instant scheduledAt;
    private String note;
    private DeliveryAppointmentStatus status;
    private Instant scheduledOn;
    private String scheduledBy;
    private Instant closedAt;
    private String cancelReason;
    private CancellationCause cancelCause;

    public static DeliveryAppointment schedule(String id, String salesOrderId, String vin, String model, Customer customer,
                                               String consultantId, String consultantName, Instant scheduledAt, String note, Instant now,
                                               Actor by) {
        requireAhead(scheduledAt, now);
        DeliveryAppointment appointment = new DeliveryAppointment();
        appointment.id = id;
        appointment.salesOrderId = salesOrderId;
        appointment.openFor = salesOrderId;
        appointment.vin = vin;
        appointment.model = model;
        appointment.customer = customer;
        appointment.consultantId = consultantId;
        appointment.consultantName = consultantName;
        appointment.scheduledAt = scheduledAt;
        appointment.note = note;
        appointment.status = DeliveryAppointmentStatus.SCHEDULED;
        appointment.scheduledOn = now;
        appointment.scheduledBy = by.id();
        appointment.raise(new DeliveryAppointmentEvents.DeliveryAppointmentScheduled(id, salesOrderId, vin, model, customer.customerId(),
                customer.name(), customer.phone(), consultantId, scheduledAt, now, by.id()));
        return appointment;
    }

    public void reschedule(Instant newTime, Instant now, Actor by) {
        Lifecycle.requireTransition(status, DeliveryAppointmentStatus.SCHEDULED, "Only a scheduled appointment is moved; it is " + status);
        requireAhead(newTime, now);
        Instant previous = scheduledAt;
        scheduledAt = newTime;
        raise(new DeliveryAppointmentEvents.DeliveryAppointmentRescheduled(id, salesOrderId, customer.customerId(), previous, newTime,
                now, by.id()));
    }

    /** Cancelled by hand (the supervisor's {@code cancel}). */
    public void cancel(String reason, Instant now, Actor by) {
        cancel(reason, CancellationCause.BY_HAND, now, by);
    }

    public void cancel(String reason, CancellationCause cause, Instant now, Actor by) {
        status = Lifecycle.requireTransition(status, DeliveryAppointmentStatus.CANCELLED, "Cannot cancel an appointment that is " + status);
        closedAt = now;
        cancelReason = reason;
        cancelCause = cause;
        openFor = null;
        raise(new DeliveryAppointmentEvents.DeliveryAppointmentCancelled(id, salesOrderId, customer.customerId(), reason, cause, now, by.id()));
    }

    public boolean isScheduled() {
        return status == DeliveryAppointmentStatus.SCHEDULED;
    }

    /** The car was handed over (the vehicle-delivered event tells the rest). */
    public void complete(Instant at) {
        status = Lifecycle.requireTransition(status, DeliveryAppointmentStatus.COMPLETED, "Cannot keep an appointment that is " + status);
        closedAt = at;
        openFor = null;
    }

    private static void requireAhead(Instant scheduledAt, Instant now) {
        if (!scheduledAt.isAfter(now)) {
            throw new RuleViolated("appointment-in-the-past", "Appointment not ahead", "A delivery is scheduled for a time to come",
                    new FieldProblem("scheduledAt", "must be in the future"));
        }
    }

    public String getId() { return id; }
    public String getSalesOrderId() { return salesOrderId; }
    public String getVin() { return vin; }
    public String getModel() { return model; }
    public Customer getCustomer() { return customer; }
    public String getConsultantId() { return consultantId; }
    public String getConsultantName() { return consultantName; }
    public Instant getScheduledAt() { return scheduledAt; }
    public String getNote() { return note; }
    public DeliveryAppointmentStatus getStatus() { return status; }
    public Instant getScheduledOn() { return scheduledOn; }
    public String getScheduledBy() { return scheduledBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getCancelReason() { return cancelReason; }
    public CancellationCause getCancelCause() { return cancelCause; }
}
