package dev.forecourt.hr.org;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** The store's departments. */
@Service
public class Departments {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final ForecourtProperties store;
    private final Clock clock;

    public Departments(MongoTemplate mongo, AggregateStore aggregates, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    public List<Department> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Department.class);
    }

    public Set<String> codes() {
        return all().stream().map(Department::getCode).collect(Collectors.toSet());
    }

    public boolean exists(String code) {
        return mongo.findById(code, Department.class) != null;
    }

    public Department get(String code) {
        return aggregates.find(Department.class, code);
    }

    /** A taken code answers 409 {@code duplicate}. */
    public Department create(String code, String nameZh, String nameEn, Actor by) {
        return aggregates.insert(Department.create(code, store.storeId(), nameZh, nameEn, by, clock.instant()));
    }

    public Department rename(String code, ExpectedVersion expected, String nameZh, String nameEn, Actor by) {
        return aggregates.change(Department.class, code, expected, d -> d.rename(nameZh, nameEn, by, clock.instant()));
    }
}
