package dev.forecourt.sales.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.common.SalesSettings;
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
 * save loses a race, the vehicle step is undone.
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
    private final AggregateStore aggregates;

    public SalesOrders(MongoTemplate mongo, Clock clock, ForecourtProperties properties, SalesSettings settings,
                       VehicleStock stock, VehicleReservations reservations, Leads leads, MeterRegistry meters,
                       AggregateStore aggregates) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.discountPolicy = new DiscountPolicy(settings.discountApprovalPercent());
        this.stock = stock;
        this.reservations = reservations;
        this.leads = leads;
        this.meters = meters;
        this.aggregates = aggregates;
    }

    public SalesOrder draft(String leadId, Customer customer, String vin, Money discount, String discountReason,
                            List<AddOn> addOns, Staff by) {
        Vehicle vehicle = stock.get(vin);
        if (vehicle.getPool() != VehiclePool.STOCK || vehicle.getStatus() == VehicleStatus.DELIVERED) {
            throw ProblemException.businessRule("vehicle-not-for-sale", "Vehicle not for sale",
                    "Vehicle " + vehicle.getVin() + " is a demo car or already delivered", new FieldProblem("vin", "is not for sale"));
        }
        if (leadId != null) {
            leads.get(leadId);
        }
        var spec = vehicle.getSpec();
        OrderedVehicle ordered = new OrderedVehicle(vehicle.getVin(), spec.brand(), spec.model(), spec.trim(), spec.colour(), spec.listPrice());
        Money discountOrZero = discount == null ? Money.zero(spec.listPrice().currency()) : discount;
        SalesOrder order = SalesOrder.draft("so-" + UUID.randomUUID(), leadId, customer, ordered, discountOrZero, discountReason,
                addOns == null ? List.of() : addOns, discountPolicy, by, clock.instant());
        return mongo.insert(order);
    }

    public SalesOrder approveDiscount(String id, Staff by) {
        SalesOrder order = get(id);
        order.approveDiscount(by);
        return aggregates.update(order);
    }

    /** Reserves the VIN for this order (exactly one order wins a VIN) and confirms the contract. */
    public SalesOrder confirm(String id, Staff by) {
        SalesOrder order = get(id);
        order.confirm(clock.instant());
        String vin = order.getVehicle().vin();
        reservations.reserve(vin, id);
        SalesOrder saved;
        try {
            saved = aggregates.update(order);
        } catch (RuntimeException lost) {
            reservations.release(vin, id);
            throw lost;
        }
        meters.counter("forecourt.sales-orders.confirmed").increment();
        winLead(saved, by);
        return saved;
    }

    public SalesOrder recordPayment(String id, PaymentKind kind, PaymentMethod method, Money amount, Staff by) {
        SalesOrder order = get(id);
        boolean settles = order.settledBy(amount) && order.getStatus() == SalesOrderStatus.CONFIRMED;
        order.recordPayment("pay-" + UUID.randomUUID(), kind, method, amount, clock.instant(), by);
        return settles ? saveSelling(order) : aggregates.update(order);
    }

    /** Credits a trade-in; the used car is claimed for this order by the caller first. */
    public SalesOrder creditTradeIn(SalesOrder order, String usedCarId, String usedVin, Money amount) {
        boolean settles = order.settledBy(amount) && order.getStatus() == SalesOrderStatus.CONFIRMED;
        order.creditTradeIn(usedCarId, usedVin, amount, clock.instant());
        return settles ? saveSelling(order) : aggregates.update(order);
    }

    /** Hands the vehicle over: needs full payment (409 otherwise) and a passed PDI (422 otherwise); nothing changes when refused. */
    public SalesOrder deliver(String id, LocalDate deliveryDate, int odometerKm, Staff by) {
        SalesOrder order = get(id);
        var at = clock.instant();
        LocalDate date = deliveryDate != null ? deliveryDate : LocalDate.ofInstant(at, zone);
        order.deliver(date, odometerKm, at, by);
        String vin = order.getVehicle().vin();
        reservations.deliver(vin, id, at);
        try {
            SalesOrder saved = aggregates.update(order);
            meters.counter("forecourt.vehicles.delivered").increment();
            return saved;
        } catch (RuntimeException lost) {
            reservations.undo(vin, id, VehicleStatus.DELIVERED, VehicleStatus.SOLD);
            throw lost;
        }
    }

    /**
     * Cancels the order and then releases its vehicle. The order is saved first: a crash between the
     * two leaves a vehicle held by a cancelled order, never a confirmed order whose vehicle another
     * order could take; cancelling again then releases the vehicle.
     */
    public SalesOrder cancel(String id, String reason, Staff by) {
        SalesOrder order = get(id);
        if (order.getStatus() == SalesOrderStatus.CANCELLED) {
            reservations.release(order.getVehicle().vin(), id);
            return order;
        }
        boolean heldVehicle = order.holdsVehicle();
        order.cancel(reason, clock.instant());
        SalesOrder saved = aggregates.update(order);
        if (heldVehicle) {
            reservations.release(order.getVehicle().vin(), id);
        }
        meters.counter("forecourt.sales-orders.cancelled").increment();
        return saved;
    }

    public SalesOrder get(String id) {
        SalesOrder order = mongo.findById(id, SalesOrder.class);
        if (order == null) {
            throw ProblemException.notFound("Sales order", id);
        }
        return order;
    }

    public PageView<SalesOrder> list(SalesOrderStatus status, String vin, String consultantId, int page, int size) {
        PageView.check(page, size);
        List<Criteria> parts = new ArrayList<>();
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
        long total = mongo.count(query, SalesOrder.class);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, SalesOrder.class), page, size, total);
    }

    /** The order is now paid in full: the vehicle is sold first (needs its PDI), then the order saved. */
    private SalesOrder saveSelling(SalesOrder order) {
        String vin = order.getVehicle().vin();
        reservations.sell(vin, order.getId());
        try {
            return aggregates.update(order);
        } catch (RuntimeException lost) {
            reservations.undo(vin, order.getId(), VehicleStatus.SOLD, VehicleStatus.RESERVED);
            throw lost;
        }
    }

    /** A confirmed contract wins its lead; a lead already closed (e.g. won by hand) is left as it is. */
    private void winLead(SalesOrder order, Staff by) {
        if (order.getLeadId() == null) {
            return;
        }
        try {
            var lead = leads.get(order.getLeadId());
            if (lead.getStatus().isOpen() && lead.getStatus() != LeadStatus.NEW) {
                leads.win(lead.getId(), order.getId(), by);
            }
        } catch (OptimisticLockingFailureException | ProblemException raced) {
            log.info("Lead {} of order {} not marked won: {}", order.getLeadId(), order.getId(), raced.getMessage());
        }
    }
}
