package dev.forecourt.workshop.appointment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.workshop.repairorder.CampaignFlag;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.Vehicle;

/** A service appointment (预约): a customer's car, an advisor and a time slot, optionally a bay. */
@Document("appointments")
public class Appointment extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private Customer customer;
    private Vehicle vehicle;
    private Actor advisor;
    private Instant slotStart;
    private Instant slotEnd;
    private String bayId;
    private String request;
    private AppointmentStatus status;
    /** The capacity counters this appointment holds, released when it is cancelled. */
    private List<String> slotKeys;
    private String repairOrderId;
    /** The open recalls and service campaigns the car was in when it was booked. */
    private List<CampaignFlag> openCampaigns = new java.util.ArrayList<>();
    private Instant bookedAt;
    private Instant changedAt;

    Appointment() {
    }

    static Appointment book(String id, String storeId, Customer customer, Vehicle vehicle, Actor advisor, Instant slotStart,
                            Instant slotEnd, String bayId, String request, List<String> slotKeys, Instant now) {
        return book(id, storeId, customer, vehicle, advisor, slotStart, slotEnd, bayId, request, slotKeys, List.of(), now);
    }

    static Appointment book(String id, String storeId, Customer customer, Vehicle vehicle, Actor advisor, Instant slotStart,
                            Instant slotEnd, String bayId, String request, List<String> slotKeys, List<CampaignFlag> campaigns,
                            Instant now) {
        Appointment a = new Appointment();
        a.openCampaigns = new java.util.ArrayList<>(campaigns);
        a.id = id;
        a.storeId = storeId;
        a.customer = customer;
        a.vehicle = vehicle;
        a.advisor = advisor;
        a.slotStart = slotStart;
        a.slotEnd = slotEnd;
        a.bayId = bayId;
        a.request = request;
        a.slotKeys = List.copyOf(slotKeys);
        a.status = AppointmentStatus.REQUESTED;
        a.bookedAt = now;
        a.changedAt = now;
        a.raise(new AppointmentBooked(id, customer.customerId(), customer.name(), customer.phone(), vehicle.vin(),
                vehicle.plate(), advisor.id(), advisor.displayName(), slotStart, slotEnd, bayId, request, now));
        return a;
    }

    void confirm(Instant now) {
        status = Lifecycle.requireTransition(status, AppointmentStatus.CONFIRMED, "Cannot confirm an appointment that is " + status);
        changedAt = now;
        raise(new AppointmentConfirmed(id, customer.customerId(), customer.phone(), vehicle.vin(), advisor.id(), slotStart, now));
    }

    /** The car came in: reception opened a repair order for it. */
    public void arrive(String repairOrderId, Instant now) {
        status = Lifecycle.requireTransition(status, AppointmentStatus.ARRIVED, "Cannot receive an appointment that is " + status);
        this.repairOrderId = repairOrderId;
        changedAt = now;
    }

    void noShow(Instant now) {
        Lifecycle.requireTransition(status, AppointmentStatus.NO_SHOW, "Cannot mark as no-show an appointment that is " + status);
        if (now.isBefore(slotStart)) {
            throw new IllegalTransition("The slot has not started yet", status);
        }
        status = AppointmentStatus.NO_SHOW;
        changedAt = now;
        raise(new AppointmentNoShow(id, customer.customerId(), customer.phone(), vehicle.vin(), advisor.id(), slotStart, now));
    }

    void cancel(Instant now) {
        status = Lifecycle.requireTransition(status, AppointmentStatus.CANCELLED, "Cannot cancel an appointment that is " + status);
        changedAt = now;
        raise(new AppointmentCancelled(id, customer.customerId(), customer.phone(), vehicle.vin(), advisor.id(), slotStart, now));
    }

    public void checkCanArrive() {
        if (!status.mayBecome(AppointmentStatus.ARRIVED)) {
            throw new IllegalTransition("Cannot receive an appointment that is " + status, status);
        }
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public Customer getCustomer() { return customer; }
    public Vehicle getVehicle() { return vehicle; }
    public Actor getAdvisor() { return advisor; }
    public Instant getSlotStart() { return slotStart; }
    public Instant getSlotEnd() { return slotEnd; }
    public String getBayId() { return bayId; }
    public String getRequest() { return request; }
    public AppointmentStatus getStatus() { return status; }
    List<String> slotKeys() { return slotKeys; }
    public String getRepairOrderId() { return repairOrderId; }
    public List<CampaignFlag> getOpenCampaigns() { return openCampaigns == null ? List.of() : List.copyOf(openCampaigns); }
    public Instant getBookedAt() { return bookedAt; }
    public Instant getChangedAt() { return changedAt; }

    @EventType("forecourt.workshop.appointment-booked.v1")
    public record AppointmentBooked(String appointmentId, String customerId, String customerName, String customerPhone,
                                    String vin, String plate, String advisorId, String advisorName, Instant slotStart,
                                    Instant slotEnd, String bayId, String request, Instant bookedAt) implements DomainEvent {
        @Override public String aggregateId() { return appointmentId; }
    }

    @EventType("forecourt.workshop.appointment-confirmed.v1")
    public record AppointmentConfirmed(String appointmentId, String customerId, String customerPhone, String vin, String advisorId,
                                       Instant slotStart, Instant confirmedAt) implements DomainEvent {
        @Override public String aggregateId() { return appointmentId; }
    }

    @EventType("forecourt.workshop.appointment-cancelled.v1")
    public record AppointmentCancelled(String appointmentId, String customerId, String customerPhone, String vin, String advisorId,
                                       Instant slotStart, Instant cancelledAt) implements DomainEvent {
        @Override public String aggregateId() { return appointmentId; }
    }

    @EventType("forecourt.workshop.appointment-no-show.v1")
    public record AppointmentNoShow(String appointmentId, String customerId, String customerPhone, String vin, String advisorId,
                                    Instant slotStart, Instant recordedAt) implements DomainEvent {
        @Override public String aggregateId() { return appointmentId; }
    }
}
