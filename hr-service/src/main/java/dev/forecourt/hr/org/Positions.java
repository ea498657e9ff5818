package dev.forecourt.hr.org;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The store's position catalogue. Every change is checked against {@link OrgChartRules} before it
 * is written, so a rejected change writes nothing. Org changes are rare and made by HR, so the
 * rules are checked on a fresh read rather than under a lock.
 */
@Service
public class Positions {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final PositionHolders holders;
    private final Departments departments;
    private final ForecourtProperties store;
    private final Clock clock;
    private final MeterRegistry meters;

    public Positions(MongoTemplate mongo, AggregateStore aggregates, PositionHolders holders, Departments departments,
                     ForecourtProperties store, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.holders = holders;
        this.departments = departments;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    public List<Position> active() {
        return mongo.find(Query.query(Criteria.where("status").is(Position.Status.ACTIVE)).with(Sort.by("code")), Position.class);
    }

    /** Codes of the department's positions, abolished ones included (their former holders are still on file). */
    public Set<String> codesInDepartment(String departmentCode) {
        Query query = Query.query(Criteria.where("departmentCode").is(departmentCode));
        query.fields().include("_id");
        return mongo.find(query, Position.class).stream().map(Position::getCode).collect(Collectors.toSet());
    }

    public Position get(String code) {
        return aggregates.find(Position.class, code);
    }

    public Optional<Position> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Position.class));
    }

    /** The active position, for hiring and assigning. */
    public Position requireActive(String code) {
        Position position = mongo.findById(code, Position.class);
        if (position == null || !position.isActive()) {
            throw new RuleViolated("unknown-position", "No such position", "There is no active position " + code + " in this store",
                    new FieldProblem("positionCode", "no active position " + code));
        }
        return position;
    }

    public Position create(String code, PositionDefinition definition, Actor by) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(code)), Position.class)) {
            throw new Conflict("duplicate", "Already exists", "Position " + code + " already exists");
        }
        rules().enforce(code, definition);
        Position position = aggregates.insert(Position.create(code, store.storeId(), definition, by, clock.instant()));
        meters.counter("forecourt.positions.changed", "change", "created").increment();
        return position;
    }

    public Position redefine(String code, ExpectedVersion expected, PositionDefinition definition, Actor by) {
        rules().enforce(code, definition);
        Position saved = aggregates.change(Position.class, code, expected, p -> p.redefine(definition, by, clock.instant()));
        meters.counter("forecourt.positions.changed", "change", "updated").increment();
        return saved;
    }

    /** Only an empty position that nobody reports to can be abolished: the org chart stays a tree. */
    public Position abolish(String code, ExpectedVersion expected, Actor by) {
        get(code);
        List<String> reports = active().stream().filter(p -> code.equals(p.getReportsTo())).map(Position::getCode).toList();
        if (!reports.isEmpty()) {
            throw new Conflict("position-in-use", "Position still has reports",
                    "Positions " + reports + " report to " + code + "; move them first");
        }
        long held = holders.activeHolders(code);
        if (held > 0) {
            throw new Conflict("position-in-use", "Position still held", held + " employee(s) hold " + code + "; transfer them first");
        }
        return aggregates.change(Position.class, code, expected, p -> p.abolish(by, clock.instant()));
    }

    public OrgChartRules rules() {
        Map<String, String> lines = new HashMap<>();
        active().forEach(p -> lines.put(p.getCode(), p.getReportsTo()));
        return new OrgChartRules(departments.codes(), lines);
    }
}
