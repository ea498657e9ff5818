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
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderStatus;
import dev.forecourt.sales.orders.SalesOrders;

/**
 * The showroom supervisor's delivery calendar (交车安排): one open appointment per order, kept by
 * the database (a unique sparse index on {@code openFor}); the read before it only finds the open
 * appointment to name in the answer.
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

    public DeliveryAppointment schedule(String salesOrderId, Instant scheduledAt, String note, Actor by) {
        SalesOrder order = orders.get(salesOrderId);
        if (order.getStatus() != SalesOrderStatus.CONFIRMED && order.getStatus() != SalesOrderStatus.PAID) {
            throw new RuleViolated("order-not-deliverable", "Order not to be delivered",
                    "A delivery is scheduled for a confirmed or paid order; " + salesOrderId + " is " + order.getStatus(),
                    new FieldProblem("salesOrderId", "must be a confirmed or paid order")).with("currentState", order.getStatus().name());
        }
        DeliveryAppointment open = openFor(salesOrderId);
        if (open != null) {
            throw alreadyScheduled(salesOrderId, open);
        }
        var vehicle = order.getVehicle();
        DeliveryAppointment appointment = DeliveryAppointment.schedule("da-" + UUID.randomUUID(), salesOrderId, vehicle.vin(), vehicle.model(),
                order.getCustomer(), order.getConsultant().id(), order.getConsultant().name(), scheduledAt, note, clock.instant(), by);
        try {
            return store.insert(appointment);
        } catch (DuplicateKeyException scheduledMeanwhile) {
            // another appointment for the order was stored between the read and this insert
            throw alreadyScheduled(salesOrderId, openFor(salesOrderId));
        }
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

    /** The order's car was handed over: its open appointment, if any, is kept. */
    public String completeFor(String salesOrderId) {
        DeliveryAppointment open = openFor(salesOrderId);
        if (open == null) {
            return null;
        }
        store.change(DeliveryAppointment.class, open.getId(), ExpectedVersion.ANY, a -> {
            if (a.getStatus() == DeliveryAppointmentStatus.SCHEDULED) {
                a.complete(clock.instant());
            }
        });
        return open.getId();
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
        long total = mongo.count(query, DeliveryAppointment.class);
        query.with(paging.sortedBy(Sort.by("scheduledAt", "_id")));
        return Page.of(mongo.find(query, DeliveryAppointment.class), paging, total);
    }
}
