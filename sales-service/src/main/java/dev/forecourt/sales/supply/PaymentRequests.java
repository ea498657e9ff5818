package dev.forecourt.sales.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
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
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Payment requests to finance (汇款申请), one requested or remitted per vehicle order: the database
 * keeps it so (a unique sparse index on {@code standingFor}); the read before it only finds the
 * standing request to name in the answer.
 */
@Service
public class PaymentRequests implements InitializingBean {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Sequences sequences;
    private final VehicleOrders orders;
    private final Clock clock;
    private final ZoneId zone;

    public PaymentRequests(MongoTemplate mongo, AggregateStore store, Sequences sequences, VehicleOrders orders, Clock clock,
                           ForecourtProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.sequences = sequences;
        this.orders = orders;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(PaymentRequest.class).createIndex(new Index().on(PaymentRequest.STANDING_FOR, Sort.Direction.ASC).unique().sparse());
    }

    /** @throws Conflict {@code payment-request-exists} when the order has a request that is not rejected */
    public PaymentRequest request(String vehicleOrderReference, String note, Actor by) {
        VehicleOrder order = orders.load(vehicleOrderReference);
        PaymentRequest standing = standingFor(order);
        if (standing != null) {
            throw exists(order, standing);
        }
        Instant at = clock.instant();
        PaymentRequest request = PaymentRequest.request("pr-" + UUID.randomUUID(), sequences.yearly("PR", Year.from(at.atZone(zone)), 6), order,
                note, at, by);
        try {
            return store.insert(request);
        } catch (DuplicateKeyException raisedMeanwhile) {
            // another request for the order was stored between the read and this insert
            throw exists(order, standingFor(order));
        }
    }

    private PaymentRequest standingFor(VehicleOrder order) {
        return mongo.findOne(Query.query(Criteria.where("vehicleOrderId").is(order.getId())
                .and("status").in(PaymentRequest.Status.REQUESTED, PaymentRequest.Status.REMITTED)), PaymentRequest.class);
    }

    private static Conflict exists(VehicleOrder order, PaymentRequest standing) {
        if (standing == null) {
            // the standing request was rejected in the meantime: still, this one was not stored
            return new Conflict("payment-request-exists", "Payment already requested",
                    "Vehicle order " + order.getNumber() + " had another payment request raised at the same moment");
        }
        return new Conflict("payment-request-exists", "Payment already requested",
                "Vehicle order " + order.getNumber() + " has payment request " + standing.getNumber() + " (" + standing.getStatus() + ")")
                .with("paymentRequestId", standing.getId());
    }

    public PaymentRequest remit(String reference, ExpectedVersion expected, String bankReference, LocalDate remittedOn, Actor by) {
        Instant at = clock.instant();
        LocalDate on = remittedOn != null ? remittedOn : LocalDate.ofInstant(at, zone);
        return store.change(() -> load(reference), expected, r -> r.remit(bankReference, on, at, by));
    }

    public PaymentRequest reject(String reference, ExpectedVersion expected, String reason, Actor by) {
        return store.change(() -> load(reference), expected, r -> r.reject(reason, clock.instant(), by));
    }

    /** By id ({@code pr-…}) or number ({@code PR2026000001}). */
    public PaymentRequest load(String reference) {
        if (reference != null && reference.startsWith("PR")) {
            PaymentRequest found = mongo.findOne(Query.query(Criteria.where("number").is(reference)), PaymentRequest.class);
            if (found == null) {
                throw new NotFound("PaymentRequest", reference);
            }
            return found;
        }
        return store.find(PaymentRequest.class, reference);
    }

    public Page<PaymentRequest> list(PaymentRequest.Status status, String vehicleOrderId, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        if (vehicleOrderId != null && !vehicleOrderId.isBlank()) {
            parts.add(Criteria.where("vehicleOrderId").is(vehicleOrderId));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("_id")), paging, PaymentRequest.class);
    }
}
