package dev.forecourt.hr.employees;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
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

    public Employees(MongoTemplate mongo, AggregateStore aggregates, Positions positions, PasswordEncoder passwords,
                     ForecourtProperties store, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.positions = positions;
        this.passwords = passwords;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Hires someone; a taken username answers 409 {@code duplicate} (unique index). */
    public Employee hire(Hiring hiring, Actor by) {
        return hire(hiring, passwords.encode(hiring.initialPassword()), by);
    }

    /**
     * Hires several people at once, each as {@link #hire} does. Those told the same initial password share one
     * hash of it: BCrypt is slow on purpose (~75 ms a hash once compiled, several times that while a first start
     * still interprets it — 18 demo accounts were 16 % of a first start's samples, on the path every service
     * waits for), and people who were all told one password learn nothing from equal hashes of it.
     */
    public List<Employee> hireAll(List<Hiring> hirings, Actor by) {
        Map<String, String> hashes = new HashMap<>();
        return hirings.stream().map(hiring -> hire(hiring, hashes.computeIfAbsent(hiring.initialPassword(), passwords::encode), by))
                .toList();
    }

    private Employee hire(Hiring hiring, String passwordHash, Actor by) {
        Position position = positions.requireActive(hiring.positionCode());
        LocalDate hiredOn = hiring.hiredOn() == null ? today() : hiring.hiredOn();
        Employee employee = Employee.hire("emp-" + UUID.randomUUID(), store.storeId(), hiring.username(), hiring.name(),
                position.getCode(), position.getDepartmentCode(), hiring.skills(), hiredOn, passwordHash, by, clock.instant());
        Employee hired = aggregates.insert(employee);
        meters.counter("forecourt.employees.hired").increment();
        return hired;
    }

    public Employee assign(String id, String positionCode, LocalDate on, ExpectedVersion expected, Actor by) {
        Position position = positions.requireActive(positionCode);
        LocalDate effectiveOn = on == null ? today() : on;
        return aggregates.change(Employee.class, id, expected,
                e -> e.assign(position.getCode(), position.getDepartmentCode(), effectiveOn, by, clock.instant()));
    }

    public Employee recordSkills(String id, List<Skill> skills, ExpectedVersion expected, Actor by) {
        return aggregates.change(Employee.class, id, expected, e -> e.recordSkills(skills, by, clock.instant()));
    }

    public Employee leave(String id, LocalDate on, String reason, ExpectedVersion expected, Actor by) {
        LocalDate leftOn = on == null ? today() : on;
        Employee left = aggregates.change(Employee.class, id, expected, e -> e.leave(leftOn, reason, by, clock.instant()));
        meters.counter("forecourt.employees.left").increment();
        return left;
    }

    public Employee changePassword(String id, String newPassword, ExpectedVersion expected, Actor by) {
        String hash = passwords.encode(newPassword);
        return aggregates.change(Employee.class, id, expected, e -> e.changePassword(hash, by, clock.instant()));
    }

    public Employee get(String id) {
        return aggregates.find(Employee.class, id);
    }

    public Optional<Employee> byUsername(String username) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("username").is(username)), Employee.class));
    }

    public Page<Employee> list(EmployeeFilter filter, Paging paging) {
        Query query = Query.query(filter.criteria());
        return PagedFind.find(mongo, query, Sort.by("username", "_id"), paging, Employee.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(store.timeZone()));
    }
}
