package dev.forecourt.sales.usedcars;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrders;

/** Appraisal, purchase, trade-in and resale of used cars. */
@Service
public class UsedCars {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SalesOrders orders;
    private final AggregateStore store;
    private final Outbox outbox;

    public UsedCars(MongoTemplate mongo, Clock clock, SalesOrders orders, AggregateStore store, Outbox outbox) {
        this.outbox = outbox;
        this.mongo = mongo;
        this.clock = clock;
        this.orders = orders;
        this.store = store;
    }

    public UsedCar appraise(Vin vin, String brand, String model, LocalDate firstRegistration, int odometerKm, Customer seller,
                            Money value, UsedCar.Condition condition, String notes, Actor by) {
        requirePositive(value, "appraisedValue");
        UsedCar.Appraisal appraisal = new UsedCar.Appraisal(value, condition, notes, by.id(), clock.instant());
        return store.insert(UsedCar.appraise("uc-" + UUID.randomUUID(), vin.value(), brand, model, firstRegistration, odometerKm,
                seller, appraisal));
    }

    public UsedCar purchase(String id, ExpectedVersion expected, Money price, Actor by) {
        requirePositive(price, "price");
        return store.change(UsedCar.class, id, expected, car -> car.purchase(price, clock.instant(), by.id()));
    }

    public UsedCar resell(String id, ExpectedVersion expected, Money price, Customer buyer, Actor by) {
        requirePositive(price, "price");
        return store.change(UsedCar.class, id, expected, car -> car.resell(price, buyer, clock.instant(), by.id()));
    }

    /**
     * Takes an appraised car in trade against a new-car order at its appraised value. The car is
     * claimed with one conditional update (so it is credited to one order only), then the order is
     * credited; if the order refuses, the claim is undone.
     */
    public TradeIn tradeIn(String usedCarId, String salesOrderId, Actor by) {
        orders.get(salesOrderId);
        var at = clock.instant();
        UsedCar car = get(usedCarId);
        Lifecycle.requireTransition(car.getStatus(), UsedCarStatus.TRADED_IN, "Only an appraised car not yet bought can be traded in");
        Money value = car.getAppraisal().value();
        Query appraised = Query.query(Criteria.where("_id").is(usedCarId).and("status").is(UsedCarStatus.APPRAISED));
        Update claim = new Update().set("status", UsedCarStatus.TRADED_IN)
                .set("acquisition", new UsedCar.Acquisition(null, salesOrderId, at, by.id())).inc("version", 1);
        outbox.append(claim, new UsedCarEvents.UsedCarTradedIn(usedCarId, car.getVin(), salesOrderId, car.getSeller().customerId(),
                car.getSeller().phone(), value, at, by.id()));
        UsedCar claimed = mongo.findAndModify(appraised, claim, FindAndModifyOptions.options().returnNew(true), UsedCar.class);
        if (claimed == null) {
            UsedCar current = get(usedCarId);
            throw new IllegalTransition("Only an appraised car not yet bought can be traded in", current.getStatus());
        }
        outbox.wake(UsedCar.class, usedCarId);
        try {
            SalesOrder credited = orders.creditTradeIn(salesOrderId, usedCarId, claimed.getVin(), value);
            return new TradeIn(usedCarId, salesOrderId, value, credited.balanceDue(), at);
        } catch (RuntimeException refused) {
            Update undo = new Update().set("status", UsedCarStatus.APPRAISED).unset("acquisition").inc("version", 1);
            outbox.append(undo, new UsedCarEvents.UsedCarTradeInReversed(usedCarId, claimed.getVin(), salesOrderId,
                    claimed.getSeller().customerId(), String.valueOf(refused.getMessage()), clock.instant()));
            UsedCar undone = mongo.findAndModify(Query.query(Criteria.where("_id").is(usedCarId).and("status").is(UsedCarStatus.TRADED_IN)
                    .and("acquisition.salesOrderId").is(salesOrderId)), undo, UsedCar.class);
            if (undone != null) {
                outbox.wake(UsedCar.class, usedCarId);
            }
            throw refused;
        }
    }

    public UsedCar get(String id) {
        return store.find(UsedCar.class, id);
    }

    public Page<UsedCar> list(UsedCarStatus status, Paging paging) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "appraisal.appraisedAt").and(Sort.by("_id")), paging, UsedCar.class);
    }

    private static void requirePositive(Money amount, String field) {
        if (amount.amount().signum() <= 0) {
            throw new InvalidValue(field + " must be positive", new FieldProblem(field, "must be greater than 0"));
        }
    }

    /** The result of a trade-in: what was credited and what the customer still owes. */
    public record TradeIn(String usedCarId, String salesOrderId, Money credited, Money balanceDue, java.time.Instant creditedAt) {
    }
}
