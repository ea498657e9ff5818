package dev.forecourt.crm.customer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * Marks customers who have not visited for the configured months as dormant (沉寂客户), once a day
 * in the store's night. CustomerMarkedDormant is raised with the change; the reactivation call
 * follows from that event. Free campaign visits do not count as visits (see {@link Customer#recordRepair}).
 */
@Component
public class Dormancy {

    private final MongoTemplate mongo;
    private final CrmProperties crm;
    private final StoreCalendar calendar;
    private final AggregateStore aggregates;

    Dormancy(MongoTemplate mongo, CrmProperties crm, StoreCalendar calendar, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.crm = crm;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${forecourt.crm.jobs.dormancy-cron:0 30 2 * * *}", zone = "${forecourt.time-zone:Asia/Shanghai}")
    public int markDormantCustomers() {
        var today = calendar.today();
        Query candidates = Query.query(Criteria.where("status").is(CustomerStatus.ACTIVE)
                .and("lastVisitOn").lte(today.minusMonths(crm.dormantAfterMonths())));
        int marked = 0;
        for (Customer candidate : mongo.find(candidates, Customer.class)) {
            // A visit arriving while the job runs wins: the change is re-checked on the fresh copy.
            boolean dormant = aggregates.changeReturning(() -> aggregates.find(Customer.class, candidate.getId()), ExpectedVersion.ANY,
                    customer -> {
                        if (!customer.isDueForDormancy(today, crm.dormantAfterMonths())) {
                            return false;
                        }
                        customer.markDormant(today, calendar.now());
                        return true;
                    }).result();
            marked += dormant ? 1 : 0;
        }
        return marked;
    }
}
