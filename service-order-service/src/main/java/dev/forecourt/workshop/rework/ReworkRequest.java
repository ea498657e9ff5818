package dev.forecourt.workshop.rework;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.Vehicle;

/**
 * A customer reached on a service callback said the repair did not hold (返修): the request waits
 * for the service manager, who opens a rework order linked to the earlier order or closes the
 * request with a reason. One request per callback.
 */
@Document("rework_requests")
public class ReworkRequest extends OutboxAggregate {

    @Id
    private String id;
    private String repairOrderId;
    private String orderNumber;
    private Vehicle vehicle;
    private Customer customer;
    private String callbackId;
    private String notes;
    private Instant requestedAt;
    private ReworkRequestStatus status;
    private String reworkOrderId;
    private String reworkOrderNumber;
    private String closeReason;
    private Actor resolvedBy;
    private Instant resolvedAt;

    ReworkRequest() {
    }

    /** The request of one callback; its id follows from the callback, so a redelivered event finds it already there. */
    static ReworkRequest fromCallback(String callbackId, String repairOrderId, String orderNumber, Vehicle vehicle, Customer customer,
                                      String notes, Instant requestedAt) {
        ReworkRequest r = new ReworkRequest();
        r.id = idOf(callbackId);
        r.repairOrderId = repairOrderId;
        r.orderNumber = orderNumber;
        r.vehicle = vehicle;
        r.customer = customer;
        r.callbackId = callbackId;
        r.notes = notes;
        r.requestedAt = requestedAt;
        r.status = ReworkRequestStatus.OPEN;
        r.raise(new ReworkRequested(r.id, repairOrderId, orderNumber, vehicle.vin(), customer.customerId(), customer.phone(),
                callbackId, notes, requestedAt));
        return r;
    }

    static String idOf(String callbackId) {
        return "rr-" + callbackId;
    }

    /** Checks, before the order is opened, that the request is still open. */
    void checkOpen() {
        Lifecycle.requireTransition(status, ReworkRequestStatus.REWORK_ORDER_OPENED, "Rework request " + id + " is " + status);
    }

    void reworkOrderOpened(String orderId, String orderNumberOfRework, Actor by, Instant now) {
        status = Lifecycle.requireTransition(status, ReworkRequestStatus.REWORK_ORDER_OPENED, "Rework request " + id + " is " + status);
        reworkOrderId = orderId;
        reworkOrderNumber = orderNumberOfRework;
        resolvedBy = by;
        resolvedAt = now;
        raise(new ReworkRequestResolved(id, repairOrderId, status.name(), orderId, orderNumberOfRework, null, by.id(), now));
    }

    void close(String reason, Actor by, Instant now) {
        status = Lifecycle.requireTransition(status, ReworkRequestStatus.CLOSED, "Rework request " + id + " is " + status);
        closeReason = reason;
        resolvedBy = by;
        resolvedAt = now;
        raise(new ReworkRequestResolved(id, repairOrderId, "CLOSED", null, null, reason, by.id(), now));
    }

    public String getId() { return id; }
    public String getRepairOrderId() { return repairOrderId; }
    public String getOrderNumber() { return orderNumber; }
    public Vehicle getVehicle() { return vehicle; }
    public Customer getCustomer() { return customer; }
    public String getCallbackId() { return callbackId; }
    public String getNotes() { return notes; }
    public Instant getRequestedAt() { return requestedAt; }
    public ReworkRequestStatus getStatus() { return status; }
    public String getReworkOrderId() { return reworkOrderId; }
    public String getReworkOrderNumber() { return reworkOrderNumber; }
    public String getCloseReason() { return closeReason; }
    public Actor getResolvedBy() { return resolvedBy; }
    public Instant getResolvedAt() { return resolvedAt; }

    @EventType("forecourt.workshop.rework-requested.v1")
    public record ReworkRequested(String reworkRequestId, String repairOrderId, String orderNumber, String vin, String customerId,
                                  String customerPhone, String callbackId, String notes, Instant requestedAt) implements DomainEvent {
        @Override public String aggregateId() { return reworkRequestId; }
    }

    @EventType("forecourt.workshop.rework-request-resolved.v1")
    public record ReworkRequestResolved(String reworkRequestId, String repairOrderId, String outcome, String reworkOrderId,
                                        String reworkOrderNumber, String reason, String resolvedBy, Instant resolvedAt)
            implements DomainEvent {
        @Override public String aggregateId() { return reworkRequestId; }
    }
}
