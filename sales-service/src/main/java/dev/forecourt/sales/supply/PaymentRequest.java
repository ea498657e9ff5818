package dev.forecourt.sales.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A request to finance to remit the carmaker's invoice for one allocated vehicle order (汇款申请):
 * the amount is the allocated cars' invoice prices. Finance (the cashier) records the remittance
 * with its bank reference, or rejects the request with a reason, after which a new one may be raised.
 *
 * <p>{@code standingFor} names the vehicle order while the request is requested or remitted and is
 * gone once it is rejected. A unique sparse index on it lets the database refuse a second standing
 * request for the same order, even when two are raised at the same moment (the MongoDB-wire server
 * has no partial indexes; a sparse one skips the rejected requests, which carry no such field).
 */
@Document("payment_requests")
public class PaymentRequest extends OutboxAggregate {

    static final String STANDING_FOR = "standingFor";

    public enum Status implements Lifecycle<Status> {
        REQUESTED, REMITTED, REJECTED;

        @Override
        public Set<Status> next() {
            return this == REQUESTED ? EnumSet.of(REMITTED, REJECTED) : EnumSet.noneOf(Status.class);
        }
    }

    @Id
    private String id;
    private String number;
    private String vehicleOrderId;
    private String vehicleOrderNumber;
    private String standingFor;
    private String oemOrderId;
    private List<String> vins;
    private Money amount;
    private String note;
    private Status status;
    private Instant requestedAt;
    private String requestedBy;
    private String bankReference;
    private LocalDate remittedOn;
    private Instant decidedAt;
    private String decidedBy;
    private String rejectReason;

    public static PaymentRequest request(String id, String number, VehicleOrder order, String note, Instant at, Actor by) {
        if (!order.getStatus().allocated() || order.getAllocations().isEmpty()) {
            throw new RuleViolated("vehicle-order-not-allocated", "Nothing allocated yet",
                    "Vehicle order " + order.getNumber() + " is " + order.getStatus() + "; a payment request is raised for allocated cars",
                    new FieldProblem("vehicleOrderId", "must be an allocated vehicle order")).with("currentState", order.getStatus().name());
        }
        PaymentRequest request = new PaymentRequest();
        request.id = id;
        request.number = number;
        request.vehicleOrderId = order.getId();
        request.vehicleOrderNumber = order.getNumber();
        request.standingFor = order.getId();
        request.oemOrderId = order.getOemOrderId();
        request.vins = order.getAllocations().stream().map(VehicleOrder.AllocatedVehicle::vin).sorted().toList();
        request.amount = order.invoiceTotal();
        request.note = note;
        request.status = Status.REQUESTED;
        request.requestedAt = at;
        request.requestedBy = by.id();
        request.raise(new VehicleOrderEvents.PaymentRequested(id, number, order.getId(), order.getNumber(), request.vins, request.amount, at,
                by.id()));
        return request;
    }

    /** Finance remitted the amount to the carmaker. */
    public void remit(String bankReference, LocalDate remittedOn, Instant at, Actor by) {
        status = Lifecycle.requireTransition(status, Status.REMITTED, "Payment request " + number + " is " + status);
        this.bankReference = bankReference;
        this.remittedOn = remittedOn;
        decidedAt = at;
        decidedBy = by.id();
        raise(new VehicleOrderEvents.PaymentRequestRemitted(id, number, vehicleOrderId, amount, bankReference, remittedOn, at, by.id()));
    }

    public void reject(String reason, Instant at, Actor by) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolated("reject-reason-required", "Reason required", "A rejected payment request needs a reason",
                    new FieldProblem("reason", "must not be blank"));
        }
        status = Lifecycle.requireTransition(status, Status.REJECTED, "Payment request " + number + " is " + status);
        rejectReason = reason.trim();
        // the order may have a new request: the unique key is given up
        standingFor = null;
        decidedAt = at;
        decidedBy = by.id();
        raise(new VehicleOrderEvents.PaymentRequestRejected(id, number, vehicleOrderId, rejectReason, at, by.id()));
    }

    public String getId() { return id; }
    public String getNumber() { return number; }
    public String getVehicleOrderId() { return vehicleOrderId; }
    public String getVehicleOrderNumber() { return vehicleOrderNumber; }
    public String getOemOrderId() { return oemOrderId; }
    public List<String> getVins() { return vins == null ? List.of() : List.copyOf(vins); }
    public Money getAmount() { return amount; }
    public String getNote() { return note; }
    public Status getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getRequestedBy() { return requestedBy; }
    public String getBankReference() { return bankReference; }
    public LocalDate getRemittedOn() { return remittedOn; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getRejectReason() { return rejectReason; }
}
