package dev.forecourt.hr.roles;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
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
        Role role = mongo.findById(roleCode, Role.class);
        return role == null ? List.of() : role.getPermissions();
    }

    public Role get(String code) {
        Role role = mongo.findById(code, Role.class);
        if (role == null) {
            throw ProblemException.notFound("Role", code);
        }
        return role;
    }

    /** Defines the role unless it exists: for start-up provisioning, which must not undo HR's edits. */
    public void defineIfAbsent(String code, String name, List<String> permissions, String by) {
        if (mongo.findById(code, Role.class) == null) {
            mongo.insert(Role.define(code, store.storeId(), name, permissions, by, clock.instant()));
        }
    }

    /**
     * Defines the role, or sets its permissions when it exists. Changing an existing role needs the
     * version that was read; two concurrent definitions of a new role collide on its id.
     */
    public Role grantExactly(String code, String name, List<String> permissions, Long expectedVersion, String by) {
        Role role = mongo.findById(code, Role.class);
        if (role == null) {
            return mongo.insert(Role.define(code, store.storeId(), name, permissions, by, clock.instant()));
        }
        if (expectedVersion == null || !expectedVersion.equals(role.getVersion())) {
            throw ProblemException.conflict("version-conflict", "Changed by someone else",
                    "Role " + code + " is at version " + role.getVersion() + "; send the version you read");
        }
        role.grantExactly(name, permissions, by, clock.instant());
        return aggregates.update(role);
    }
}
