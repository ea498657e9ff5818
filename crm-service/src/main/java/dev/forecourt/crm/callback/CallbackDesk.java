package dev.forecourt.crm.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.crm.web.Actor;
import dev.forecourt.crm.web.PageOf;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import io.micrometer.core.instrument.MeterRegistry;

/** The specialist's work on callback tasks: the day's list, calls that reached the customer and calls that did not. */
@Service
public class CallbackDesk {

    private final MongoTemplate mongo;
    private final CrmProperties crm;
    private final CallPlanner planner;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AggregateStore aggregates;

    public CallbackDesk(MongoTemplate mongo, CrmProperties crm, CallPlanner planner, Clock clock, MeterRegistry meters,
                        AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.crm = crm;
        this.planner = planner;
        this.clock = clock;
        this.meters = meters;
    }

    public CallbackTask require(String id) {
        CallbackTask task = mongo.findById(id, CallbackTask.class);
        if (task == null) {
            throw ProblemException.notFound("Callback", id);
        }
        return task;
    }

    public CallbackTask complete(String id, CallbackOutcome outcome, Actor actor) {
        CallbackTask task = require(id);
        task.complete(outcome, crm.lowScoreThreshold(), actor.id(), actor.name(), clock.instant());
        CallbackTask saved = aggregates.update(task);
        meters.counter("forecourt.callbacks.completed", "kind", task.getKind().name()).increment();
        return saved;
    }

    public CallbackTask notReached(String id, String note, Actor actor) {
        CallbackTask task = require(id);
        task.notReached(note, crm.maxAttempts(), planner, actor.id(), actor.name(), clock.instant());
        return aggregates.update(task);
    }

    public CallbackTask assign(String id, String employeeId, String name) {
        CallbackTask task = require(id);
        task.assignTo(employeeId, name);
        return aggregates.update(task);
    }

    /** Filters of the task list; all optional. {@code dueBefore} gives "the work of the day". */
    public record Filter(CallbackStatus status, CallbackKind kind, String assigneeId, String customerId, Instant dueBefore) {
    }

    public PageOf<CallbackTask> list(Filter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.kind() != null) {
            criteria.add(Criteria.where("kind").is(filter.kind()));
        }
        if (filter.assigneeId() != null) {
            criteria.add(Criteria.where("assigneeId").is(filter.assigneeId()));
        }
        if (filter.customerId() != null) {
            criteria.add(Criteria.where("customerId").is(filter.customerId()));
        }
        if (filter.dueBefore() != null) {
            criteria.add(Criteria.where("dueAt").lt(filter.dueBefore()));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, CallbackTask.class);
        query.with(Sort.by("dueAt", "_id")).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, CallbackTask.class), page, size, total);
    }
}
