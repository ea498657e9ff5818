package dev.forecourt.hr.employees;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.forecourt.hr.org.Position;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.web.Page;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** Hiring, transfers, skills and leaving: the employee's life at the store. */
@Service
public class Employees {

    /** What HR knows when someone is hired. */
    public record Hiring(String username, String name, String positionCode, List<Skill> skills, LocalDate hiredOn,
                         String initialPassword) {
    }

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final Positions positions;
    private final PasswordEncoder passwords;
    private final ForecourtProperties store;
    private final Clock clock;
    private final MeterRegistry meters;

    public Employees(MongoTemplate mongo, AggregateStore aggregates, Positions positions, PasswordEncoder passwords, ForecourtProperties store, Clock clock,
                     MeterRegistry meters) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.positions = positions;
        this.passwords = passwords;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Hires someone; a taken username answers 409 {@code duplicate} (unique index). */
    public Employee hire(Hiring hiring) {
        Position position = positions.requireActive(hiring.positionCode());
        LocalDate hiredOn = hiring.hiredOn() == null ? today() : hiring.hiredOn();
        Employee employee = Employee.hire("emp-" + UUID.randomUUID(), store.storeId(), hiring.username(), hiring.name(),
                position.getCode(), position.getDepartmentCode(), hiring.skills(), hiredOn, passwords.encode(hiring.initialPassword()));
        Employee hired = mongo.insert(employee);
        meters.counter("forecourt.employees.hired").increment();
        return hired;
    }

    public Employee assign(String id, String positionCode, LocalDate on, Long expectedVersion) {
        Employee employee = get(id, expectedVersion);
        Position position = positions.requireActive(positionCode);
        employee.assign(position.getCode(), position.getDepartmentCode(), on == null ? today() : on);
        return aggregates.update(employee);
    }

    public Employee recordSkills(String id, List<Skill> skills, Long expectedVersion) {
        Employee employee = get(id, expectedVersion);
        employee.recordSkills(skills);
        return aggregates.update(employee);
    }

    public Employee leave(String id, LocalDate on, String reason, Long expectedVersion) {
        Employee employee = get(id, expectedVersion);
        employee.leave(on == null ? today() : on, reason);
        Employee left = aggregates.update(employee);
        meters.counter("forecourt.employees.left").increment();
        return left;
    }

    public Employee changePassword(String id, String newPassword, Long expectedVersion) {
        Employee employee = get(id, expectedVersion);
        employee.changePassword(passwords.encode(newPassword));
        return aggregates.update(employee);
    }

    public Employee get(String id) {
        Employee employee = mongo.findById(id, Employee.class);
        if (employee == null) {
            throw ProblemException.notFound("Employee", id);
        }
        return employee;
    }

    public Optional<Employee> byUsername(String username) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("username").is(username)), Employee.class));
    }

    public Page<Employee> list(EmployeeFilter filter, int page, int size) {
        Query query = Query.query(filter.criteria());
        long total = mongo.count(query, Employee.class);
        query.with(Sort.by("username", "_id")).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, Employee.class), page, size, total);
    }

    private Employee get(String id, Long expectedVersion) {
        Employee employee = get(id);
        if (expectedVersion != null && !expectedVersion.equals(employee.getVersion())) {
            throw ProblemException.conflict("version-conflict", "Changed by someone else",
                    "Employee " + id + " is at version " + employee.getVersion() + "; reload and try again");
        }
        return employee;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(store.timeZone()));
    }
}
