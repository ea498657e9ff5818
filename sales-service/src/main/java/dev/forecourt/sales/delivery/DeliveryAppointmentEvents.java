package dev.forecourt.sales.delivery;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Facts of delivery appointments; the subject is the appointment id. */
public final class DeliveryAppointmentEvents {

    private DeliveryAppointmentEvents() {
    }

    @EventType("forecourt.sales.delivery-appointment-scheduled.v1")
    public record DeliveryAppointmentScheduled(String appointmentId, String salesOrderId, String vin, String model, String customerId,
                                               String customerName, String customerPhone, String consultantId, Instant scheduledAt,
                                               Instant scheduledOn, String scheduledBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return appointmentId;
        }
    }

    @EventType("forecourt.sales.delivery-appointment-rescheduled.v1")
    public record DeliveryAppointmentRescheduled(String appointmentId, String salesOrderId, String customerId, Instant previousTime,
                                                 Instant scheduledAt, Instant rescheduledOn, String rescheduledBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return appointmentId;
        }
    }

    /** {@code cause}: cancelled by hand, or because its sales order was cancelled or delivered without it. */
    @EventType("forecourt.sales.delivery-appointment-cancelled.v1")
    public record DeliveryAppointmentCancelled(String appointmentId, String salesOrderId, String customerId, String reason,
                                               CancellationCause cause, Instant cancelledAt, String cancelledBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return appointmentId;
        }
    }
}
