package dev.forecourt.crm.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.AggregateStore;

/** Escalates open complaints past their due date, one level per overdue resolution period. */
@Component
public class ComplaintEscalation {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEscalation.class);

    private final MongoTemplate mongo;
    private final ComplaintBook book;
    private final AggregateStore aggregates;

    ComplaintEscalation(MongoTemplate mongo, ComplaintBook book, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.book = book;
    }

    @Scheduled(fixedDelayString = "${forecourt.crm.jobs.escalation-interval:PT5M}", initialDelayString = "${forecourt.crm.jobs.escalation-interval:PT5M}")
    public int escalateOverdue() {
        int escalated = 0;
        Query overdue = Query.query(Criteria.where("status").is(ComplaintStatus.OPEN).and("dueAt").lt(book.now()));
        for (Complaint complaint : mongo.find(overdue, Complaint.class)) {
            if (complaint.escalateIfOverdue(book.now(), book.resolutionTime())) {
                try {
                    aggregates.update(complaint);
                    escalated++;
                    log.warn("Complaint {} of {} escalated to level {}", complaint.getId(), complaint.getDepartment(),
                            complaint.getEscalationLevel());
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // Someone worked on it just now; the next run looks again.
                }
            }
        }
        return escalated;
    }
}
