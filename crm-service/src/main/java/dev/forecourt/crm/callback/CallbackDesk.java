package dev.forecourt.crm.callback;

import java.time.Clock;

import org.springframework.stereotype.Service;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import io.micrometer.core.instrument.MeterRegistry;

/** The specialist's work on callback tasks: calls that reached the customer, calls that did not, handing a task on. */
@Service
public class CallbackDesk {

    private final CrmProperties crm;
    private final CallPlanner planner;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AggregateStore aggregates;

    public CallbackDesk(CrmProperties crm, CallPlanner planner, Clock clock, MeterRegistry meters, AggregateStore aggregates) {
        this.aggregates = aggregates;
        this.crm = crm;
        this.planner = planner;
        this.clock = clock;
        this.meters = meters;
    }

    public CallbackTask complete(String id, ExpectedVersion expected, CallbackOutcome outcome, Actor actor) {
        CallbackTask saved = aggregates.change(CallbackTask.class, id, expected,
                task -> task.complete(outcome, crm.lowScoreThreshold(), actor, clock.instant()));
        meters.counter("forecourt.callbacks.completed", "kind", saved.getKind().name()).increment();
        return saved;
    }

    public CallbackTask notReached(String id, ExpectedVersion expected, String note, Actor actor) {
        return aggregates.change(CallbackTask.class, id, expected,
                task -> task.notReached(note, crm.maxAttempts(), planner, actor, clock.instant()));
    }

    public CallbackTask assign(String id, ExpectedVersion expected, String employeeId, String name) {
        return aggregates.change(CallbackTask.class, id, expected, task -> task.assignTo(employeeId, name));
    }
}
