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

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrders;

/** Appraisal, purchase, trade-in and resale of used cars. */
@Service
public class UsedCars {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SalesOrders orders;

    public UsedCars(MongoTemplate mongo, Clock clock, SalesOrders orders) {
        this.mongo = mongo;
        this.clock = clock;
        this.orders = orders;
    }

    public UsedCar appraise(Vin vin, String brand, String model, LocalDate firstRegistration, int odometerKm, Customer seller,
                            Money value, UsedCar.Condition condition, String notes, Staff by) {
        requirePositive(value, "appraisedValue");
        UsedCar.Appraisal appraisal = new UsedCar.Appraisal(value, condition, notes, by.employeeId(), clock.instant());
        return mongo.insert(UsedCar.appraise("uc-" + UUID.randomUUID(), vin.value(), brand, model, firstRegistration, odometerKm,
                seller, appraisal));
    }

    public UsedCar purchase(String id, Money price, Staff by) {
        requirePositive(price, "price");
        UsedCar car = get(id);
        car.purchase(price, clock.instant(), by.employeeId());
        return mongo.save(car);
    }

    public UsedCar resell(String id, Money price, Customer buyer, Staff by) {
        requirePositive(price, "price");
        UsedCar car = get(id);
        car.resell(price, buyer, clock.instant(), by.employeeId());
        return mongo.save(car);
    }

    /**
     * Takes an appraised car in trade against a new-car order at its appraised value. The car is
     * claimed with one conditional update (so it is credited to one order only), then the order is
     * credited; if the order refuses, the claim is undone.
     */
    public TradeIn tradeIn(String usedCarId, String salesOrderId, Staff by) {
        SalesOrder order = orders.get(salesOrderId);
        var at = clock.instant();
        Query appraised = Query.query(Criteria.where("_id").is(usedCarId).and("status").is(UsedCarStatus.APPRAISED));
        UsedCar claimed = mongo.findAndModify(appraised, new Update().set("status", UsedCarStatus.TRADED_IN)
                        .set("acquisition", new UsedCar.Acquisition(null, salesOrderId, at, by.employeeId())).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), UsedCar.class);
        if (claimed == null) {
            UsedCar current = get(usedCarId);
            throw ProblemException.illegalState("Only an appraised car not yet bought can be traded in", current.getStatus());
        }
        Money value = claimed.getAppraisal().value();
        try {
            SalesOrder credited = orders.creditTradeIn(order, usedCarId, claimed.getVin(), value);
            return new TradeIn(usedCarId, salesOrderId, value, credited.balanceDue(), at);
        } catch (RuntimeException refused) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(usedCarId).and("status").is(UsedCarStatus.TRADED_IN)
                            .and("acquisition.salesOrderId").is(salesOrderId)),
                    new Update().set("status", UsedCarStatus.APPRAISED).unset("acquisition").inc("version", 1), UsedCar.class);
            throw refused;
        }
    }

    public UsedCar get(String id) {
        UsedCar car = mongo.findById(id, UsedCar.class);
        if (car == null) {
            throw ProblemException.notFound("Used car", id);
        }
        return car;
    }

    public PageView<UsedCar> list(UsedCarStatus status, int page, int size) {
        PageView.check(page, size);
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        long total = mongo.count(query, UsedCar.class);
        query.with(Sort.by(Sort.Direction.DESC, "appraisal.appraisedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, UsedCar.class), page, size, total);
    }

    private static void requirePositive(Money amount, String field) {
        if (amount.amount().signum() <= 0) {
            throw ProblemException.invalid(field + " must be positive", new FieldProblem(field, "must be greater than 0"));
        }
    }

    /** The result of a trade-in: what was credited and what the customer still owes. */
    public record TradeIn(String usedCarId, String salesOrderId, Money credited, Money balanceDue, java.time.Instant creditedAt) {
    }
}
