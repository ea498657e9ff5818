package dev.forecourt.hr.roles;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** The roles and what they grant; tokens take their permissions from here. */
@Service
public class Roles {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final ForecourtProperties store;
    private final Clock clock;

    public Roles(MongoTemplate mongo, AggregateStore aggregates, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    public List<Role> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Role.class);
    }

    /** What a holder of the role may do; a role nobody has defined yet grants nothing. */
    public List<String> permissionsOf(String roleCode) {
        return find(roleCode).map(Role::getPermissions).orElse(List.of());
    }

    public Optional<Role> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Role.class));
    }

    public Role get(String code) {
        return aggregates.find(Role.class, code);
    }

    /** Defines the role unless it exists: for start-up provisioning, which must not undo HR's edits. */
    public void defineIfAbsent(String code, String name, List<String> permissions, Actor by) {
        if (find(code).isEmpty()) {
            aggregates.insert(Role.define(code, store.storeId(), name, permissions, by, clock.instant()));
        }
    }

    /** Adds the permissions the role lacks (a catalogue upgrade; nothing is revoked); answers whether any was added. */
    public boolean grantMissing(String code, List<String> permissions, Actor by) {
        List<String> missing = permissions.stream().filter(p -> !permissionsOf(code).contains(p)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        aggregates.change(Role.class, code, ExpectedVersion.ANY, role -> {
            List<String> all = new java.util.ArrayList<>(role.getPermissions());
            permissions.stream().filter(p -> !all.contains(p)).forEach(all::add);
            role.grantExactly(null, all, by, clock.instant());
        });
        return true;
    }

    /**
     * Defines the role, or sets its permissions when it exists (checked against the version the
     * caller read, when given); two concurrent definitions of a new role collide on its id.
     */
    public Role grantExactly(String code, String name, List<String> permissions, ExpectedVersion expected, Actor by) {
        if (find(code).isEmpty()) {
            return aggregates.insert(Role.define(code, store.storeId(), name, permissions, by, clock.instant()));
        }
        return aggregates.change(Role.class, code, expected, role -> role.grantExactly(name, permissions, by, clock.instant()));
    }
}
