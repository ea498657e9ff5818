package dev.forecourt.workshop.targets;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;

/** The monthly after-sales targets: set (or replaced) by the service director, read by the KPI report. */
@Component
public class ServiceTargets {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    ServiceTargets(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    /** A month as the API takes it, {@code yyyy-MM} between 2000 and 2099 (anything else: 400 naming the parameter). */
    public static YearMonth month(String text, String parameter) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() >= 2000 && month.getYear() <= 2099) {
                return month;
            }
        } catch (RuntimeException unreadable) {
            // answered below
        }
        throw new InvalidValue(parameter + " must be a month yyyy-MM between 2000-01 and 2099-12",
                new FieldProblem(parameter, "yyyy-MM between 2000-01 and 2099-12"));
    }

    public Optional<ServiceTarget> of(YearMonth month) {
        return Optional.ofNullable(mongo.findById(month.toString(), ServiceTarget.class));
    }

    public ServiceTarget get(YearMonth month) {
        return store.find(ServiceTarget.class, month.toString());
    }

    /** Sets the month's targets, or replaces them (at {@code expected}, when given). */
    public ServiceTarget set(YearMonth month, Money output, int repairOrders, BigDecimal csi, BigDecimal returnRate,
                             BigDecimal complaintRate, Actor by, ExpectedVersion expected) {
        String id = month.toString();
        if (!mongo.exists(query(where("_id").is(id)), ServiceTarget.class)) {
            try {
                return store.insert(ServiceTarget.set(month, output, repairOrders, csi, returnRate, complaintRate, by, clock.instant()));
            } catch (DuplicateKeyException concurrent) {
                // set by someone else a moment ago: replace it like any other change
            }
        }
        return store.change(ServiceTarget.class, id, expected,
                t -> t.replace(output, repairOrders, csi, returnRate, complaintRate, by, clock.instant()));
    }
}
