package dev.forecourt.crm.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * Who takes the next callback: round-robin over the configured pool, or, when none is configured,
 * over the active customer-service specialists learned from hr-service's events. The turn is an
 * atomic counter, so parallel event handlers never hand the same turn out twice.
 */
@Component
public class SpecialistRoster {

    private static final String COUNTERS = "counters";
    private static final String TURN = "callback-assignment";

    private final MongoTemplate mongo;
    private final CrmProperties crm;

    public SpecialistRoster(MongoTemplate mongo, CrmProperties crm) {
        this.mongo = mongo;
        this.crm = crm;
    }

    /** Employee data as hr-service publishes it; fields this service does not need are ignored. */
    record EmployeeChanged(String employeeId, String username, String name, String positionCode, Boolean active) {
    }

    record EmployeeLeft(String employeeId, String username) {
    }

    @HandlesEvent("forecourt.hr.employee-hired.v1")
    void onHired(EmployeeChanged employee) {
        apply(employee);
    }

    @HandlesEvent("forecourt.hr.employee-assigned.v1")
    void onAssigned(EmployeeChanged employee) {
        apply(employee);
    }

    @HandlesEvent("forecourt.hr.employee-left.v1")
    void onLeft(EmployeeLeft employee) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(employee.employeeId())),
                Update.update("active", false), Specialist.class);
    }

    private void apply(EmployeeChanged employee) {
        boolean specialist = crm.specialistPositions().contains(employee.positionCode()) && !Boolean.FALSE.equals(employee.active());
        // Saving by id is idempotent; someone moved to another position simply becomes inactive here.
        mongo.save(new Specialist(employee.employeeId(), employee.username(), employee.name(), specialist));
    }

    /** The next specialist in turn, or empty when nobody is known (the task waits unassigned). */
    public Optional<Assignee> next() {
        List<Assignee> pool = pool();
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Turn turn = mongo.findAndModify(Query.query(Criteria.where("_id").is(TURN)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Turn.class, COUNTERS);
        long value = turn == null ? 0 : turn.value();
        return Optional.of(pool.get((int) Math.floorMod(value, (long) pool.size())));
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

    record Turn(String id, long value) {
    }
}
