package dev.forecourt.crm.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/** Escalates open complaints past their due date, one level per overdue resolution period. */
@Component
public class ComplaintEscalation {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEscalation.class);

    private final MongoTemplate mongo;
    private final Complaints complaints;
    private final AggregateStore aggregates;

    ComplaintEscalation(MongoTemplate mongo, Complaints complaints, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.complaints = complaints;
    }

    @Scheduled(fixedDelayString = "${forecourt.crm.jobs.escalation-interval:PT5M}", initialDelayString = "${forecourt.crm.jobs.escalation-interval:PT5M}")
    public int escalateOverdue() {
        int escalated = 0;
        Query overdue = Query.query(Criteria.where("status").is(ComplaintStatus.OPEN).and("dueAt").lt(complaints.now()));
        for (Complaint candidate : mongo.find(overdue, Complaint.class)) {
            // Someone working on it meanwhile wins: the check is made again on the fresh copy.
            var changed = aggregates.changeReturning(() -> aggregates.find(Complaint.class, candidate.getId()), ExpectedVersion.ANY,
                    c -> c.escalateIfOverdue(complaints.now(), complaints.resolutionTime()));
            if (changed.result()) {
                escalated++;
                log.warn("Complaint {} of {} escalated to level {}", candidate.getId(), changed.aggregate().getDepartment(),
                        changed.aggregate().getEscalationLevel());
            }
        }
        return escalated;
    }
}
