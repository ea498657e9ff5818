package dev.forecourt.crm.customer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.platform.events.outbox.AggregateStore;

/**
 * Marks customers who have not visited for the configured months as dormant (沉寂客户), once a day
 * in the store's night. CustomerMarkedDormant is raised with the change; the reactivation call
 * follows from that event.
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
        for (Customer customer : mongo.find(candidates, Customer.class)) {
            if (!customer.isDueForDormancy(today, crm.dormantAfterMonths())) {
                continue;
            }
            customer.markDormant(today, calendar.now());
            try {
                aggregates.update(customer);
                marked++;
            } catch (OptimisticLockingFailureException visitedMeanwhile) {
                // A visit arrived while the job ran: the customer is not dormant; tomorrow's run decides again.
            }
        }
        return marked;
    }
}
