package dev.forecourt.sales.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.errors.VersionConflict;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.config.SalesSettings;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.LeadStatus;
import dev.forecourt.sales.leads.Leads;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.OrderedVehicle;
import dev.forecourt.sales.orders.OrderRecords.PaymentKind;
import dev.forecourt.sales.orders.OrderRecords.PaymentMethod;
import dev.forecourt.sales.stock.Vehicle;
import dev.forecourt.sales.stock.VehiclePool;
import dev.forecourt.sales.stock.VehicleReservations;
import dev.forecourt.sales.stock.VehicleStatus;
import dev.forecourt.sales.stock.VehicleStock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sales-order steps that involve two documents, the order and its vehicle. Without
 * multi-document transactions, the vehicle is moved first by an atomic conditional update (the
 * invariant "one order per VIN" lives there), then the order is saved with its events; if that
 * write loses a race (or the caller's version is stale), the vehicle step is undone. These
 * two-document steps are not retried: a lost race answers 409 version-conflict.
 */
@Service
public class SalesOrders {

    public static final String APPROVE_DISCOUNT = "sales-orders:approve-discount";
    private static final Logger log = LoggerFactory.getLogger(SalesOrders.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;
    private final DiscountPolicy discountPolicy;
    private final VehicleStock stock;
    private final VehicleReservations reservations;
    private final Leads leads;
    private final MeterRegistry meters;
    private final AggregateStore store;
    private final dev.forecourt.sales.fleet.FleetAccounts fleetAccounts;

    public SalesOrders(MongoTemplate mongo, Clock clock, ForecourtProperties properties, SalesSettings settings,
                       VehicleStock stock, VehicleReservations reservations, Leads leads, MeterRegistry meters,
                       AggregateStore store, dev.forecourt.sales.fleet.FleetAccounts fleetAccounts) {
        this.fleetAccounts = fleetAccounts;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.discountPolicy = new DiscountPolicy(settings.discountApprovalPercent());
        this.stock = stock;
        this.reservations = reservations;
        this.leads = leads;
        this.meters = meters;
        this.store = store;
    }

    /** @param approvesDiscounts the caller may approve discounts (decided from the permissions by the web layer) */
    public SalesOrder draft(String leadId, Customer customer, String vin, Money discount, String discountReason,
                            List<AddOn> addOns, Actor by, boolean approvesDiscounts) {
        return draft(leadId, null, customer, vin, discount, discountReason, addOns, by, approvesDiscounts);
    }

    /** As above, for a fleet account's order: the account must exist (404) and be active (422 fleet-account-closed). */
    public SalesOrder draft(String leadId, String fleetAccountId, Customer customer, String vin, Money discount, String discountReason,
                            List<AddOn> addOns, Actor by, boolean approvesDiscounts) {
        if (fleetAccountId != null) {
            fleetAccounts.takingOrders(fleetAccountId);
        }
        Vehicle vehicle = stock.get(vin);
        if (vehicle.getPool() != VehiclePool.STOCK || vehicle.getStatus() == VehicleStatus.DELIVERED) {
            throw new RuleViolated("vehicle-not-for-sale", "Vehicle not for sale",
                    "Vehicle " + vehicle.getVin() + " is a demo car or already delivered", new FieldProblem("vin", "is not for sale"));
        }
        if (leadId != null) {
            leads.get(leadId);
        }
        var spec = vehicle.getSpec();
        OrderedVehicle ordered = new OrderedVehicle(vehicle.getVin(), spec.brand(), spec.model(), spec.trim(), spec.colour(), spec.listPrice());
        Money discountOrZero = discount == null ? Money.zero(spec.listPrice().currency()) : discount;
        SalesOrder order = SalesOrder.draft("so-" + UUID.randomUUID(), leadId, fleetAccountId, customer, ordered, discountOrZero, discountReason,
                addOns == null ? List.of() : addOns, discountPolicy, by, approvesDiscounts, clock.instant());
        return store.insert(order);
    }

    public SalesOrder approveDiscount(String id, ExpectedVersion expected, Actor by) {
        return store.change(SalesOrder.class, id, expected, order -> order.approveDiscount(by, clock.instant()));
    }

    /** Reserves the VIN for this order (exactly one order wins a VIN) and confirms the contract. */
    public SalesOrder confirm(String id, ExpectedVersion expected, Actor by) {
        SalesOrder order = load(id, expected, o -> o.confirm(clock.instant()));
        String vin = order.getVehicle().vin();
        reservations.reserve(vin, id);
        SalesOrder saved = writeOrUndo(order, () -> reservations.release(vin, id));
        meters.counter("forecourt.sales-orders.confirmed").increment();
        winLead(saved, by);
        return saved;
    }

    public SalesOrder recordPayment(String id, ExpectedVersion expected, PaymentKind kind, PaymentMethod method, Money amount, Actor by) {
        Instant at = clock.instant();
        String paymentId = "pay-" + UUID.randomUUID();
        SalesOrder current = store.find(SalesOrder.class, id);
        if (current.settledBy(amount) && current.getStatus() == SalesOrderStatus.CONFIRMED) {
            SalesOrder order = load(id, expected, o -> o.recordPayment(paymentId, kind, method, amount, at, by));
            return saveSelling(order);
        }
        return store.change(SalesOrder.class, id, expected, o -> {
            if (o.settledBy(amount) && o.getStatus() == SalesOrderStatus.CONFIRMED) {
                throw new VersionConflict("SalesOrder", id, o.getVersion());
            }
            o.recordPayment(paymentId, kind, method, amount, at, by);
        });
    }

    /** Credits a trade-in; the used car is claimed for this order by the caller first. */
    public SalesOrder creditTradeIn(String id, String usedCarId, String usedVin, Money amount) {
        Instant at = clock.instant();
        SalesOrder order = load(id, ExpectedVersion.ANY, o -> o.creditTradeIn(usedCarId, usedVin, amount, at));
        return order.getStatus() == SalesOrderStatus.PAID ? saveSelling(order) : store.update(order);
    }

    /**
     * Hands the vehicle over: needs full payment (409 otherwise) and a passed PDI (422 otherwise); nothing
     * changes when refused. The checklist, if any, is checked against what the car came with. Called
     * through {@code delivery.Handover}, which keeps the order's delivery appointment.
     */
    public SalesOrder deliver(String id, ExpectedVersion expected, LocalDate deliveryDate, int odometerKm, OrderRecords.DeliveryChecklist checklist,
                              String appointmentId, Actor by) {
        Instant at = clock.instant();
        LocalDate date = deliveryDate != null ? deliveryDate : LocalDate.ofInstant(at, zone);
        OrderRecords.ReceivedWith received = null;
        if (checklist != null) {
            var spec = stock.get(store.find(SalesOrder.class, id).getVehicle().vin()).getSpec();
            received = new OrderRecords.ReceivedWith(spec.keys(), spec.documents(), spec.accessories());
        }
        OrderRecords.ReceivedWith receivedWith = received;
        SalesOrder order = load(id, expected, o -> o.deliver(date, odometerKm, checklist, receivedWith, appointmentId, at, by));
        String vin = order.getVehicle().vin();
        reservations.deliver(vin, id, at);
        SalesOrder saved = writeOrUndo(order, () -> reservations.undo(vin, id, VehicleStatus.DELIVERED, VehicleStatus.SOLD));
        meters.counter("forecourt.vehicles.delivered").increment();
        return saved;
    }

    /**
     * Cancels the order and then releases its vehicle (called through {@code delivery.OrderCancellation},
     * which also cancels its delivery appointment). The order is written first: a crash between the
     * two leaves a vehicle held by a cancelled order, never a confirmed order whose vehicle another
     * order could take; cancelling again then releases the vehicle.
     */
    public SalesOrder cancel(String id, ExpectedVersion expected, String reason, Actor by) {
        SalesOrder current = store.find(SalesOrder.class, id);
        if (current.getStatus() == SalesOrderStatus.CANCELLED) {
            reservations.release(current.getVehicle().vin(), id);
            return current;
        }
        boolean[] heldVehicle = new boolean[1];
        SalesOrder saved = store.change(SalesOrder.class, id, expected, order -> {
            heldVehicle[0] = order.holdsVehicle();
            order.cancel(reason, clock.instant(), by);
        });
        if (heldVehicle[0]) {
            reservations.release(saved.getVehicle().vin(), id);
        }
        meters.counter("forecourt.sales-orders.cancelled").increment();
        return saved;
    }

    public SalesOrder recordRefund(String id, ExpectedVersion expected, PaymentMethod method, Money amount, String note, Actor by) {
        String refundId = "ref-" + UUID.randomUUID();
        Instant at = clock.instant();
        SalesOrder refunded = store.change(SalesOrder.class, id, expected, order -> order.recordRefund(refundId, method, amount, note, at, by));
        meters.counter("forecourt.sales-orders.refunds").increment();
        return refunded;
    }

    public SalesOrder recordInsurancePolicy(String id, ExpectedVersion expected, String insurer, String policyNumber, Money premium,
                                            LocalDate startsOn, LocalDate expiresOn, Actor by) {
        Instant at = clock.instant();
        return store.change(SalesOrder.class, id, expected,
                order -> order.recordInsurancePolicy(insurer, policyNumber, premium, startsOn, expiresOn, at, by));
    }

    public SalesOrder addAccessory(String id, ExpectedVersion expected, String partNumber, String description, int quantity,
                                   Money unitPrice, Money unitCost, Actor by) {
        Instant at = clock.instant();
        String lineId = "acc-" + UUID.randomUUID();
        return store.change(SalesOrder.class, id, expected,
                order -> order.addAccessory(lineId, partNumber, description, quantity, unitPrice, unitCost, at, by));
    }

    public SalesOrder get(String id) {
        return store.find(SalesOrder.class, id);
    }

    public Page<SalesOrder> list(SalesOrderStatus status, String vin, String consultantId, Paging paging) {
        return list(status, vin, consultantId, null, paging);
    }

    public Page<SalesOrder> list(SalesOrderStatus status, String vin, String consultantId, String fleetAccountId, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (fleetAccountId != null && !fleetAccountId.isBlank()) {
            parts.add(Criteria.where("fleetAccountId").is(fleetAccountId));
        }
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        if (vin != null && !vin.isBlank()) {
            parts.add(Criteria.where("vehicle.vin").is(vin.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        if (consultantId != null && !consultantId.isBlank()) {
            parts.add(Criteria.where("consultant.id").is(consultantId));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")), paging, SalesOrder.class);
    }

    /** The order is now paid in full: the vehicle is sold first (needs its PDI), then the order written. */
    private SalesOrder saveSelling(SalesOrder order) {
        String vin = order.getVehicle().vin();
        reservations.sell(vin, order.getId());
        return writeOrUndo(order, () -> reservations.undo(vin, order.getId(), VehicleStatus.SOLD, VehicleStatus.RESERVED));
    }

    /** Loads the order, checks the caller's version and applies the step in memory (not yet written). */
    private SalesOrder load(String id, ExpectedVersion expected, Consumer<SalesOrder> step) {
        SalesOrder order = store.find(SalesOrder.class, id);
        if (!expected.matches(order.getVersion())) {
            throw new VersionConflict("SalesOrder", id, order.getVersion());
        }
        step.accept(order);
        return order;
    }

    /** Writes the order after its vehicle moved; if the write fails, the vehicle step is undone. */
    private SalesOrder writeOrUndo(SalesOrder order, Runnable undoVehicleStep) {
        try {
            return store.update(order);
        } catch (RuntimeException lost) {
            undoVehicleStep.run();
            throw lost;
        }
    }

    /** A confirmed contract wins its lead; a lead already closed (e.g. won by hand) is left as it is. */
    private void winLead(SalesOrder order, Actor by) {
        if (order.getLeadId() == null) {
            return;
        }
        try {
            var lead = leads.get(order.getLeadId());
            if (lead.getStatus().isOpen() && lead.getStatus() != LeadStatus.NEW) {
                leads.win(lead.getId(), ExpectedVersion.ANY, order.getId(), by);
            }
        } catch (DomainException raced) {
            log.info("Lead {} of order {} not marked won: {}", order.getLeadId(), order.getId(), raced.getMessage());
        }
    }
}
