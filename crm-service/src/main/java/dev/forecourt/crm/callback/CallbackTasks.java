package dev.forecourt.crm.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.crm.scheduling.CallSlot;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;
import dev.forecourt.crm.staff.SpecialistRoster;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * The store's callback tasks: creates them and finds them. Ids are derived from what caused the task (the event id, the complaint,
 * the dormancy date), so the same cause delivered twice finds the task already there and creates
 * nothing: the unique {@code _id} is the guard, not a read-then-write.
 */
@Service
public class CallbackTasks {

    private static final Logger log = LoggerFactory.getLogger(CallbackTasks.class);
    /** How long a reactivation call may wait: dormancy is not urgent, but it should not be forgotten. */
    private static final Duration REACTIVATION_DEADLINE = Duration.ofDays(30);

    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final CrmProperties crm;
    private final CallPlanner planner;
    private final SpecialistRoster roster;
    private final Clock clock;
    private final AggregateStore aggregates;

    public CallbackTasks(MongoTemplate mongo, ForecourtProperties store, CrmProperties crm, CallPlanner planner,
                         SpecialistRoster roster, Clock clock, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.crm = crm;
        this.planner = planner;
        this.roster = roster;
        this.clock = clock;
    }

    /** The delivery follow-up: due in the first call window from the next day, at the latest after the configured days. */
    public Optional<CallbackTask> deliveryFollowUp(String eventId, Instant deliveredAt, Customer customer, CallbackTask.Subject subject) {
        return followUp("delivery-" + eventId, eventId, deliveredAt, crm.deliveryFollowUpDays(), customer, subject);
    }

    /**
     * The consultant's 7-day call (7DC): made by the consultant who sold the car, after customer
     * service's check (from the day after its deadline), by the 7th day. Without a window in between
     * (a short week) the first window from the next day is used.
     */
    public Optional<CallbackTask> sevenDayCall(String eventId, Instant deliveredAt, Customer customer, CallbackTask.Subject subject) {
        if (!customer.isCallConsent()) {
            return Optional.empty();
        }
        Instant deadline = deliveredAt.plus(Duration.ofDays(crm.sevenDayCallDays()));
        LocalDate afterCheck = LocalDate.ofInstant(deliveredAt, planner.zone()).plusDays(crm.deliveryFollowUpDays() + 1L);
        CallSlot slot = planner.onOrAfter(afterCheck, deliveredAt);
        if (slot.start().isAfter(deadline)) {
            slot = planner.followUp(deliveredAt, Duration.ofDays(crm.sevenDayCallDays()));
        }
        return create("7dc-" + eventId, subject, eventId, deliveredAt, deadline, slot,
                new SpecialistRoster.Assignee(subject.staffId(), subject.staffName()));
    }

    public Optional<CallbackTask> serviceFollowUp(String eventId, Instant handedOverAt, Customer customer, CallbackTask.Subject subject) {
        return followUp("service-" + eventId, eventId, handedOverAt, crm.serviceFollowUpDays(), customer, subject);
    }

    /**
     * The reminder before the vehicle's next maintenance. A vehicle has one reminder pending at a
     * time: a newer one (after a maintenance) replaces the earlier reminder, since the clock restarts.
     */
    public Optional<CallbackTask> maintenanceReminder(String eventId, Customer customer, CallbackTask.Subject subject,
                                                      MaintenanceReminderPolicy.MaintenanceDue due) {
        if (!customer.isCallConsent()) {
            return Optional.empty();
        }
        String id = "maintenance-" + eventId;
        Instant now = clock.instant();
        CallSlot slot = planner.onOrAfter(due.remindOn(), now);
        Instant deadline = due.dueOn().atStartOfDay(planner.zone()).toInstant();
        Optional<CallbackTask> task = create(id, subject, eventId, now, deadline, slot);
        // Each replaced reminder is changed through the store: its version moves and CallbackCancelled is published.
        for (CallbackTask replaced : mongo.find(Query.query(Criteria.where("vin").is(subject.vin())
                .and("kind").is(CallbackKind.MAINTENANCE_REMINDER).and("status").is(CallbackStatus.OPEN).and("_id").ne(id)),
                CallbackTask.class)) {
            aggregates.change(CallbackTask.class, replaced.getId(), ExpectedVersion.ANY, t -> t.cancel("replaced by " + id, now));
        }
        return task;
    }

    /**
     * The call ahead of the expiry of the insurance policy sold with the car: due {@code insurance-renewal-days} before
     * {@code expiresOn} (a policy already inside that window: the next call window), deadline the expiry day. One call per
     * policy period ({@code insurance-<salesOrderId>-<expiresOn>}): a redelivered record finds it; a correction with the same
     * expiry updates the open call; a correction with another expiry replaces the open call of the earlier record; a record
     * older than one already applied for the order changes nothing.
     */
    public Optional<CallbackTask> insuranceRenewal(String salesOrderId, InsurancePolicyInfo policy, Customer customer,
                                                   CallbackTask.Subject subject) {
        if (!customer.isCallConsent()) {
            log.info("No insurance renewal call for {}: the customer withdrew consent to be called", customer.getId());
            return Optional.empty();
        }
        String id = "insurance-" + salesOrderId + "-" + policy.expiresOn();
        List<CallbackTask> ofOrder = mongo.find(Query.query(Criteria.where("salesOrderId").is(salesOrderId)
                .and("kind").is(CallbackKind.INSURANCE_RENEWAL)), CallbackTask.class);
        boolean supersededAlready = ofOrder.stream().anyMatch(t -> !t.getId().equals(id) && t.getPolicy() != null
                && t.getPolicy().newerThan(policy) && t.getStatus() != CallbackStatus.CANCELLED);
        if (supersededAlready) {
            log.info("Insurance policy of {} recorded at {} is older than the one already applied", salesOrderId, policy.recordedAt());
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<CallbackTask> same = ofOrder.stream().filter(t -> t.getId().equals(id)).findFirst();
        if (same.isPresent()) {
            if (same.get().getPolicy() != null && policy.newerThan(same.get().getPolicy()) && same.get().getStatus() == CallbackStatus.OPEN) {
                return Optional.of(aggregates.change(CallbackTask.class, id, ExpectedVersion.ANY, t -> t.revisePolicy(policy)));
            }
            return same;
        }
        LocalDate remindOn = policy.expiresOn().minusDays(crm.insuranceRenewalDays());
        CallSlot slot = planner.onOrAfter(remindOn, now);
        Instant deadline = policy.expiresOn().atStartOfDay(planner.zone()).toInstant();
        Optional<CallbackTask> task = create(id, subject, salesOrderId, policy.recordedAt() != null ? policy.recordedAt() : now, deadline,
                slot, null, t -> t.attachPolicy(policy));
        for (CallbackTask replaced : ofOrder) {
            if (replaced.getStatus() == CallbackStatus.OPEN) {
                aggregates.change(CallbackTask.class, replaced.getId(), ExpectedVersion.ANY, t -> t.cancel("replaced by " + id, now));
            }
        }
        return task;
    }

    /** True when a maintenance reminder was ever planned for the vehicle (its maintenance clock is known). */
    public boolean hasMaintenanceReminder(String vin) {
        return mongo.exists(Query.query(Criteria.where("vin").is(vin).and("kind").is(CallbackKind.MAINTENANCE_REMINDER)), CallbackTask.class);
    }

    /** The second callback that verifies a resolved complaint, within the configured days of the resolution. */
    public Optional<CallbackTask> complaintVerification(String complaintId, int resolutionNumber, Instant resolvedAt,
                                                        CallbackTask.Subject subject) {
        // No consent check: the customer complained and expects to hear back about it.
        String id = "verification-" + complaintId + "-" + resolutionNumber;
        return create(id, subject, complaintId, resolvedAt, resolvedAt.plus(Duration.ofDays(crm.verificationCallbackDays())),
                planner.followUp(resolvedAt, Duration.ofDays(crm.verificationCallbackDays())));
    }

    public Optional<CallbackTask> reactivation(Customer customer, CallbackTask.Subject subject) {
        if (!customer.isCallConsent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String id = "reactivation-" + customer.getId() + "-" + customer.getDormantSince();
        return create(id, subject, id, now, now.plus(REACTIVATION_DEADLINE), planner.firstSlotFrom(now));
    }

    private Optional<CallbackTask> followUp(String id, String eventId, Instant eventAt, int days, Customer customer,
                                            CallbackTask.Subject subject) {
        if (!customer.isCallConsent()) {
            log.info("No {} for {}: the customer withdrew consent to be called", subject.kind(), customer.getId());
            return Optional.empty();
        }
        Duration within = Duration.ofDays(days);
        return create(id, subject, eventId, eventAt, eventAt.plus(within), planner.followUp(eventAt, within));
    }

    private Optional<CallbackTask> create(String id, CallbackTask.Subject subject, String triggeredBy, Instant triggeredAt,
                                          Instant deadline, CallSlot slot) {
        return create(id, subject, triggeredBy, triggeredAt, deadline, slot, null);
    }

    /** @param given who makes the call; null: the next customer-service specialist in turn */
    private Optional<CallbackTask> create(String id, CallbackTask.Subject subject, String triggeredBy, Instant triggeredAt,
                                          Instant deadline, CallSlot slot, SpecialistRoster.Assignee given) {
        return create(id, subject, triggeredBy, triggeredAt, deadline, slot, given, t -> { });
    }

    private Optional<CallbackTask> create(String id, CallbackTask.Subject subject, String triggeredBy, Instant triggeredAt,
                                          Instant deadline, CallSlot slot, SpecialistRoster.Assignee given,
                                          java.util.function.Consumer<CallbackTask> details) {
        CallbackTask existing = mongo.findById(id, CallbackTask.class);
        if (existing != null) {
            return Optional.of(existing);
        }
        SpecialistRoster.Assignee assignee = given != null && given.employeeId() != null ? given : roster.next().orElse(null);
        CallbackTask task = CallbackTask.plan(id, store.storeId(), subject, triggeredBy, triggeredAt, deadline, slot,
                assignee == null ? null : assignee.employeeId(), assignee == null ? null : assignee.name(), clock.instant());
        details.accept(task);
        try {
            return Optional.of(aggregates.insert(task));
        } catch (DuplicateKeyException createdConcurrently) {
            return Optional.ofNullable(mongo.findById(id, CallbackTask.class));
        }
    }

    public CallbackTask require(String id) {
        CallbackTask task = mongo.findById(id, CallbackTask.class);
        if (task == null) {
            throw new NotFound("Callback", id);
        }
        return task;
    }

    /** Filters of the task list; all optional. {@code dueBefore} gives "the work of the day". */
    public record Filter(CallbackStatus status, CallbackKind kind, String assigneeId, String customerId, Instant dueBefore) {
    }

    public Page<CallbackTask> list(Filter filter, Paging paging) {
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
        return PagedFind.find(mongo, query, Sort.by("dueAt", "_id"), paging, CallbackTask.class);
    }
}
