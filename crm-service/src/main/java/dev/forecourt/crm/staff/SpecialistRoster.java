package dev.forecourt.crm.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;
import dev.forecourt.platform.events.consume.LatestEventWins;
import dev.forecourt.platform.sequences.Sequences;

/**
 * Who takes the next callback: round-robin over the configured pool, or, when none is configured,
 * over the active customer-service specialists learned from hr-service's events. hr events may
 * arrive late or out of order; the latest event wins, so a late "hired" never brings back a
 * specialist who left. The turn is an atomic sequence, so parallel handlers never share a turn.
 */
@Component
public class SpecialistRoster {

    private static final String TURN = "callback-assignment";

    private final MongoTemplate mongo;
    private final CrmProperties crm;
    private final LatestEventWins latestEventWins;
    private final Sequences sequences;

    public SpecialistRoster(MongoTemplate mongo, CrmProperties crm, LatestEventWins latestEventWins, Sequences sequences) {
        this.mongo = mongo;
        this.crm = crm;
        this.latestEventWins = latestEventWins;
        this.sequences = sequences;
    }

    /** Employee data as hr-service publishes it; fields this service does not need are ignored. */
    record EmployeeChanged(String employeeId, String username, String name, String positionCode, Boolean active) {
    }

    record EmployeeLeft(String employeeId, String username) {
    }

    @HandlesEvent("forecourt.hr.employee-hired.v1")
    void onHired(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event);
    }

    @HandlesEvent("forecourt.hr.employee-assigned.v1")
    void onAssigned(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event);
    }

    @HandlesEvent("forecourt.hr.employee-left.v1")
    void onLeft(EmployeeLeft employee, IncomingEvent event) {
        latestEventWins.apply(Specialist.COLLECTION, employee.employeeId(), event.time(),
                new Update().set("username", employee.username()).set("active", false));
    }

    private void apply(EmployeeChanged employee, IncomingEvent event) {
        // Someone moved to another position simply becomes inactive here.
        boolean specialist = crm.specialistPositions().contains(employee.positionCode()) && !Boolean.FALSE.equals(employee.active());
        latestEventWins.apply(Specialist.COLLECTION, employee.employeeId(), event.time(), new Update()
                .set("username", employee.username()).set("name", employee.name()).set("active", specialist));
    }

    /** The next specialist in turn, or empty when nobody is known (the task waits unassigned). */
    public Optional<Assignee> next() {
        List<Assignee> pool = pool();
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        long turn = sequences.next(TURN);
        return Optional.of(pool.get((int) Math.floorMod(turn, (long) pool.size())));
    }

    public List<Assignee> pool() {
        if (!crm.specialistPool().isEmpty()) {
            return crm.specialistPool().stream().map(s -> new Assignee(s.employeeId(), s.name())).toList();
        }
        return mongo.find(Query.query(Criteria.where("active").is(true)), Specialist.class).stream()
                .sorted(Comparator.comparing(Specialist::employeeId))
                .map(s -> new Assignee(s.employeeId(), s.name())).toList();
    }

    /** Someone a callback is assigned to. */
    public record Assignee(String employeeId, String name) {
    }
}
