package dev.forecourt.crm.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/** The store's complaint log: opens complaints and finds them. */
@Service
public class Complaints {

    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final CrmProperties crm;
    private final Clock clock;
    private final AggregateStore aggregates;

    public Complaints(MongoTemplate mongo, ForecourtProperties store, CrmProperties crm, Clock clock, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.crm = crm;
        this.clock = clock;
    }

    Duration resolutionTime() {
        return Duration.ofDays(crm.complaintResolutionDays());
    }

    /** Opens a complaint unless one with this id exists (a callback opens at most one). */
    public Complaint open(String id, Complaint.Details details, Actor actor) {
        Complaint existing = mongo.findById(id, Complaint.class);
        if (existing != null) {
            return existing;
        }
        Complaint complaint = Complaint.open(id, store.storeId(), details, resolutionTime(), actor, clock.instant());
        try {
            return aggregates.insert(complaint);
        } catch (DuplicateKeyException openedConcurrently) {
            return mongo.findById(id, Complaint.class);
        }
    }

    public Complaint openNew(Complaint.Details details, Actor actor) {
        return open("complaint-" + UUID.randomUUID(), details, actor);
    }

    public Complaint require(String id) {
        Complaint complaint = mongo.findById(id, Complaint.class);
        if (complaint == null) {
            throw new NotFound("Complaint", id);
        }
        return complaint;
    }

    public Instant now() {
        return clock.instant();
    }

    public record Filter(ComplaintStatus status, ComplaintSeverity severity, String department, String customerId, Boolean escalated) {
    }

    public Page<Complaint> list(Filter filter, Paging paging) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.severity() == ComplaintSeverity.MAJOR) {
            criteria.add(Criteria.where("severity").is(ComplaintSeverity.MAJOR));
        } else if (filter.severity() == ComplaintSeverity.NORMAL) {
            criteria.add(Criteria.where("severity").ne(ComplaintSeverity.MAJOR));
        }
        if (filter.department() != null) {
            criteria.add(Criteria.where("department").is(filter.department()));
        }
        if (filter.customerId() != null) {
            criteria.add(Criteria.where("customerId").is(filter.customerId()));
        }
        if (Boolean.TRUE.equals(filter.escalated())) {
            criteria.add(Criteria.where("escalationLevel").gt(0));
        } else if (Boolean.FALSE.equals(filter.escalated())) {
            criteria.add(Criteria.where("escalationLevel").lte(0));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return PagedFind.find(mongo, query, Sort.by("dueAt", "_id"), paging, Complaint.class);
    }
}
