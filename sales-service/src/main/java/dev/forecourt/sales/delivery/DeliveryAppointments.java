package dev.forecourt.sales.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderStatus;
import dev.forecourt.sales.orders.SalesOrders;

/**
 * The showroom supervisor's delivery calendar (交车安排): one open appointment per order, kept by
 * the database (a unique sparse index on {@code openFor}); the read before it only finds the open
 * appointment to name in the answer. An appointment is open only while its order is: the order's
 * end (cancelled, delivered) closes it ({@link #closeWithOrder}, called by {@link OrderCancellation}
 * and {@link Handover} after the order is written), and an appointment is never left open for an
 * order that ended while it was being scheduled.
 */
@Service
public class DeliveryAppointments implements InitializingBean {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final SalesOrders orders;
    private final Clock clock;
    private final ZoneId zone;

    public DeliveryAppointments(MongoTemplate mongo, AggregateStore store, SalesOrders orders, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.orders = orders;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DeliveryAppointment.class).createIndex(new Index().on(DeliveryAppointment.OPEN_FOR, Sort.Direction.ASC).unique().sparse());
    }

    /**
     * Schedules the order's delivery. The order is read before the appointment is stored and read again
     * after: an order cancelled or delivered in between (whose step looked for an open appointment before
     * this one was stored) would otherwise keep a SCHEDULED appointment that nobody closes. Of the two
     * steps, each writes first and then reads the other's document, so at least one of them sees the
     * other and closes the appointment ({@link #closeWithOrder}); here the caller is then refused as if
     * the order had been read closed in the first place.
     */
    public DeliveryAppointment schedule(String salesOrderId, Instant scheduledAt, String note, Actor by) {
        SalesOrder order = requireDeliverable(orders.get(salesOrderId));
        DeliveryAppointment open = openFor(salesOrderId);
        if (open != null) {
            throw alreadyScheduled(salesOrderId, open);
        }
        var vehicle = order.getVehicle();
        DeliveryAppointment appointment = DeliveryAppointment.schedule("da-" + UUID.randomUUID(), salesOrderId, vehicle.vin(), vehicle.model(),
                order.getCustomer(), order.getConsultant().id(), order.getConsultant().name(), scheduledAt, note, clock.instant(), by);
        DeliveryAppointment stored;
        try {
            stored = store.insert(appointment);
        } catch (DuplicateKeyException scheduledMeanwhile) {
            // another appointment for the order was stored between the read and this insert
            throw alreadyScheduled(salesOrderId, openFor(salesOrderId));
        }
        SalesOrder now = orders.get(salesOrderId);
        if (deliverable(now)) {
            return stored;
        }
        closeWithOrder(now, by);
        DeliveryAppointment closed = get(stored.getId());
        if (closed.getStatus() == DeliveryAppointmentStatus.CANCELLED) {
            throw notDeliverable(now).with("appointmentId", closed.getId());
        }
        // the hand-over found this appointment before delivering and named it: it is kept
        return closed;
    }

    private static boolean deliverable(SalesOrder order) {
        return order.getStatus() == SalesOrderStatus.CONFIRMED || order.getStatus() == SalesOrderStatus.PAID;
    }

    private static SalesOrder requireDeliverable(SalesOrder order) {
        if (!deliverable(order)) {
            throw notDeliverable(order);
        }
        return order;
    }

    private static RuleViolated notDeliverable(SalesOrder order) {
        return new RuleViolated("order-not-deliverable", "Order not to be delivered",
                "A delivery is scheduled for a confirmed or paid order; " + order.getId() + " is " + order.getStatus(),
                new FieldProblem("salesOrderId", "must be a confirmed or paid order")).with("currentState", order.getStatus().name());
    }

    private static Conflict alreadyScheduled(String salesOrderId, DeliveryAppointment open) {
        if (open == null) {
            // the other appointment was closed in the meantime: still, this one was not stored
            return new Conflict("delivery-already-scheduled", "Delivery already scheduled",
                    "Order " + salesOrderId + " had another delivery appointment scheduled at the same moment");
        }
        return new Conflict("delivery-already-scheduled", "Delivery already scheduled",
                "Order " + salesOrderId + " already has delivery appointment " + open.getId() + "; move that one")
                .with("appointmentId", open.getId());
    }

    public DeliveryAppointment reschedule(String id, ExpectedVersion expected, Instant scheduledAt, Actor by) {
        return store.change(DeliveryAppointment.class, id, expected, a -> a.reschedule(scheduledAt, clock.instant(), by));
    }

    public DeliveryAppointment cancel(String id, ExpectedVersion expected, String reason, Actor by) {
        return store.change(DeliveryAppointment.class, id, expected, a -> a.cancel(reason, clock.instant(), by));
    }

    /**
     * The order ended, cancelled or delivered: its SCHEDULED appointment, if any, is closed as that end
     * says. A cancelled order cancels it (cause {@code SALES_ORDER_CANCELLED}, the order's reason
     * quoted); a delivery keeps the appointment it names (COMPLETED at the hand-over; the
     * vehicle-delivered event, naming it, tells the rest) and cancels one it does not name, which was
     * scheduled at the very moment of the hand-over ({@code SALES_ORDER_DELIVERED}). An order still
     * open changes nothing; an appointment closed meanwhile (by the other side of a race) is left as it
     * is, so calling this again, or from both sides, is harmless.
     *
     * @return the appointment as now stored, or null when the order had no scheduled one
     */
    public DeliveryAppointment closeWithOrder(SalesOrder order, Actor by) {
        if (deliverable(order)) {
            return null;
        }
        DeliveryAppointment open = openFor(order.getId());
        if (open == null) {
            return null;
        }
        return store.change(DeliveryAppointment.class, open.getId(), ExpectedVersion.ANY, a -> {
            if (!a.isScheduled()) {
                return;
            }
            if (order.getStatus() == SalesOrderStatus.CANCELLED) {
                a.cancel("sales order cancelled: " + order.getCancelReason(), CancellationCause.SALES_ORDER_CANCELLED, clock.instant(), by);
            } else if (a.getId().equals(order.getDelivery().deliveryAppointmentId())) {
                a.complete(order.getDelivery().deliveredAt());
            } else {
                a.cancel("sales order delivered without this appointment", CancellationCause.SALES_ORDER_DELIVERED, clock.instant(), by);
            }
        });
    }

    public DeliveryAppointment openFor(String salesOrderId) {
        return mongo.findOne(Query.query(Criteria.where("salesOrderId").is(salesOrderId).and("status").is(DeliveryAppointmentStatus.SCHEDULED)),
                DeliveryAppointment.class);
    }

    public DeliveryAppointment get(String id) {
        return store.find(DeliveryAppointment.class, id);
    }

    /** The appointments of one day of the store's calendar (or all), by time. */
    public Page<DeliveryAppointment> list(LocalDate date, DeliveryAppointmentStatus status, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (date != null) {
            parts.add(Criteria.where("scheduledAt").gte(date.atStartOfDay(zone).toInstant()).lt(date.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by("scheduledAt", "_id"), paging, DeliveryAppointment.class);
    }
}
