package dev.forecourt.sales.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * An order of new cars from the carmaker (车辆订单): a call-off (CALL车) of cars for now, or the
 * month's order drafted from the confirmed supply plan. The sales manager approves it; sent to the
 * OEM it is answered with the allocation (a VIN, guide price and invoice price per car); the cars
 * the OEM dispatches are registered in stock as in transit and received as any other car.
 */
@Document("vehicle_orders")
public class VehicleOrder extends OutboxAggregate {

    public enum Kind { CALL_OFF, MONTHLY }

    /** What is ordered: so many cars of one model, trim and colour. */
    public record VehicleOrderLine(int lineNo, String model, String trim, String colour, int quantity) {
    }

    /** A car the OEM allocated to a line; dispatched once it left the factory. */
    public record AllocatedVehicle(int lineNo, String vin, String model, String trim, String colour, Money listPrice, Money invoicePrice,
                                   Instant dispatchedAt, LocalDate expectedArrival, String transportNote) {
        boolean dispatched() {
            return dispatchedAt != null;
        }

        AllocatedVehicle dispatch(Instant at, LocalDate arrival, String note) {
            return new AllocatedVehicle(lineNo, vin, model, trim, colour, listPrice, invoicePrice, at, arrival, note);
        }
    }

    static final int MAX_QUANTITY = 50;
    /** The OEM takes at most this many lines in one order. */
    static final int MAX_LINES = 50;

    @Id
    private String id;
    private String number;
    private Kind kind;
    /** yyyy-MM: the month the cars are for. */
    private String month;
    private String supplyPlanId;
    private List<VehicleOrderLine> lines = new ArrayList<>();
    private String note;
    private VehicleOrderStatus status;
    private Instant draftedAt;
    private String draftedBy;
    private Instant approvedAt;
    private String approvedBy;
    private String oemOrderId;
    private Instant allocatedAt;
    private String sentBy;
    private List<AllocatedVehicle> allocations = new ArrayList<>();
    private Instant cancelledAt;
    private String cancelledBy;
    private String cancelReason;

    public static VehicleOrder draft(String id, String number, Kind kind, YearMonth month, String supplyPlanId, List<VehicleOrderLine> lines, String note,
                                     Instant at, Actor by) {
        requireOrderableLines(lines);
        VehicleOrder order = new VehicleOrder();
        order.id = id;
        order.number = number;
        order.kind = kind;
        order.month = month.toString();
        order.supplyPlanId = supplyPlanId;
        List<VehicleOrderLine> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            VehicleOrderLine line = lines.get(i);
            numbered.add(new VehicleOrderLine(i + 1, line.model(), line.trim(), line.colour(), line.quantity()));
        }
        order.lines = numbered;
        order.note = note;
        order.status = VehicleOrderStatus.DRAFT;
        order.draftedAt = at;
        order.draftedBy = by.id();
        order.raise(new VehicleOrderEvents.VehicleOrderDrafted(id, number, kind, month.toString(), supplyPlanId, numbered,
                order.quantity(), at, by.id()));
        return order;
    }

    /** What the OEM takes in one order: 1 to {@value #MAX_LINES} lines of 1 to {@value #MAX_QUANTITY} cars each (400 otherwise). */
    public static void requireOrderableLines(List<VehicleOrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValue("A vehicle order has at least one line", new FieldProblem("lines", "must not be empty"));
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidValue("The OEM takes at most " + MAX_LINES + " lines in one order",
                    new FieldProblem("lines", "at most " + MAX_LINES + " lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).quantity() < 1 || lines.get(i).quantity() > MAX_QUANTITY) {
                throw new InvalidValue("A line orders 1 to " + MAX_QUANTITY + " cars",
                        new FieldProblem("lines[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY));
            }
        }
    }

    /** The sales manager approves the order; the caller checks the permission. */
    public void approve(Instant at, Actor by) {
        status = Lifecycle.requireTransition(status, VehicleOrderStatus.APPROVED, "Only a drafted vehicle order is approved; " + number
                + " is " + status);
        approvedAt = at;
        approvedBy = by.id();
        raise(new VehicleOrderEvents.VehicleOrderApproved(id, number, quantity(), at, by.id()));
    }

    /** Sending needs the manager's approval first. */
    public void requireSendable() {
        Lifecycle.requireTransition(status, VehicleOrderStatus.ALLOCATED, status == VehicleOrderStatus.DRAFT
                ? "Vehicle order " + number + " needs the sales manager's approval before it is sent"
                : "Vehicle order " + number + " is " + status + " and is not sent again");
    }

    /**
     * The OEM's answer to the order: a VIN per car allocated, on the lines ordered and no more cars
     * than a line asked for (422 {@code allocation-mismatch} otherwise).
     */
    public void recordAllocation(String oemOrderId, List<AllocatedVehicle> allocated, Instant at, Actor by) {
        requireSendable();
        Map<Integer, VehicleOrderLine> byLine = lines.stream().collect(Collectors.toMap(VehicleOrderLine::lineNo, l -> l));
        Map<Integer, Integer> counted = new HashMap<>();
        for (AllocatedVehicle vehicle : allocated) {
            VehicleOrderLine line = byLine.get(vehicle.lineNo());
            int count = counted.merge(vehicle.lineNo(), 1, Integer::sum);
            if (line == null || count > line.quantity()) {
                throw new RuleViolated("allocation-mismatch", "Allocation does not fit the order",
                        "The OEM allocated " + vehicle.vin() + " to line " + vehicle.lineNo() + " of " + number + ", which "
                                + (line == null ? "does not exist" : "asked for " + line.quantity() + " cars"),
                        new FieldProblem("allocations", "do not fit the order's lines"));
            }
        }
        status = VehicleOrderStatus.ALLOCATED;
        this.oemOrderId = oemOrderId;
        this.allocatedAt = at;
        this.sentBy = by.id();
        this.allocations = new ArrayList<>(allocated);
        raise(new VehicleOrderEvents.VehicleOrderAllocated(id, number, oemOrderId, allocated.stream()
                .map(a -> new VehicleOrderEvents.AllocatedCar(a.lineNo(), a.vin(), a.model(), a.trim(), a.colour(), a.listPrice(),
                        a.invoicePrice())).toList(), quantity(), allocated.size(), invoiceTotal(), at, by.id()));
    }

    /**
     * Records the cars the OEM reports dispatched; a car already recorded as dispatched, or one not
     * allocated to this order, is passed over. When every allocated car has left, the order is
     * DISPATCHED.
     *
     * @return the cars newly dispatched
     */
    public List<AllocatedVehicle> recordDispatches(List<OemVehicleDistribution.Dispatch> dispatches, Instant at) {
        if (!status.allocated()) {
            throw new IllegalTransition("Vehicle order " + number + " is not allocated yet", status);
        }
        Map<String, OemVehicleDistribution.Dispatch> byVin = new HashMap<>();
        dispatches.forEach(d -> byVin.put(d.vin(), d));
        List<AllocatedVehicle> fresh = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            AllocatedVehicle vehicle = allocations.get(i);
            OemVehicleDistribution.Dispatch dispatch = byVin.get(vehicle.vin());
            if (dispatch != null && !vehicle.dispatched()) {
                AllocatedVehicle dispatched = vehicle.dispatch(dispatch.dispatchedAt() == null ? at : dispatch.dispatchedAt(),
                        dispatch.expectedArrival(), dispatch.transportNote());
                allocations.set(i, dispatched);
                fresh.add(dispatched);
            }
        }
        if (!fresh.isEmpty()) {
            raise(new VehicleOrderEvents.VehiclesDispatched(id, number, oemOrderId, fresh.stream()
                    .map(a -> new VehicleOrderEvents.DispatchedCar(a.vin(), a.model(), a.colour(), a.dispatchedAt(), a.expectedArrival()))
                    .toList(), at));
        }
        if (status == VehicleOrderStatus.ALLOCATED && !allocations.isEmpty() && allocations.stream().allMatch(AllocatedVehicle::dispatched)) {
            status = VehicleOrderStatus.DISPATCHED;
        }
        return fresh;
    }

    public void cancel(String reason, Instant at, Actor by) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolated("cancel-reason-required", "Reason required", "A cancellation needs a reason",
                    new FieldProblem("reason", "must not be blank"));
        }
        status = Lifecycle.requireTransition(status, VehicleOrderStatus.CANCELLED, "Vehicle order " + number + " was sent to the OEM ("
                + status + ") and is no longer cancelled here");
        cancelledAt = at;
        cancelledBy = by.id();
        cancelReason = reason.trim();
        raise(new VehicleOrderEvents.VehicleOrderCancelled(id, number, cancelReason, at, by.id()));
    }

    public int quantity() {
        return lines.stream().mapToInt(VehicleOrderLine::quantity).sum();
    }

    /** What the store owes the OEM for the allocated cars (their invoice prices). */
    public Money invoiceTotal() {
        return allocations.stream().map(AllocatedVehicle::invoicePrice).reduce(Money::plus).orElse(Money.cny("0.00"));
    }

    public Set<String> vins() {
        return allocations.stream().map(AllocatedVehicle::vin).collect(Collectors.toSet());
    }

    public String getId() { return id; }
    public String getNumber() { return number; }
    public Kind getKind() { return kind; }
    public YearMonth getMonth() { return YearMonth.parse(month); }
    public String getSupplyPlanId() { return supplyPlanId; }
    public List<VehicleOrderLine> getLines() { return List.copyOf(lines); }
    public String getNote() { return note; }
    public VehicleOrderStatus getStatus() { return status; }
    public Instant getDraftedAt() { return draftedAt; }
    public String getDraftedBy() { return draftedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovedBy() { return approvedBy; }
    public String getOemOrderId() { return oemOrderId; }
    public Instant getAllocatedAt() { return allocatedAt; }
    public String getSentBy() { return sentBy; }
    public List<AllocatedVehicle> getAllocations() { return List.copyOf(allocations); }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelledBy() { return cancelledBy; }
    public String getCancelReason() { return cancelReason; }
}
