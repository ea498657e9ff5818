package dev.forecourt.hr.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A set of permissions that positions map to (usually one role per position, named like it).
 * Editable data: what other services enforce comes from here.
 */
@Document("roles")
public class Role extends OutboxAggregate {

    @Id
    private String code;
    private String storeId;
    private String name;
    private List<String> permissions = new ArrayList<>();
    private int revision;
    private Instant changedAt;
    private String changedBy;
    private String changedById;

    protected Role() {
    }

    public static Role define(String code, String storeId, String name, List<String> permissions, Actor by, Instant at) {
        Role role = new Role();
        role.code = code;
        role.storeId = storeId;
        role.grantExactly(name, permissions, by, at);
        return role;
    }

    /** Sets the role's permissions to exactly these; unknown names are refused as a whole. */
    public void grantExactly(String newName, List<String> newPermissions, Actor by, Instant at) {
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < newPermissions.size(); i++) {
            if (!PermissionCatalogue.exists(newPermissions.get(i))) {
                unknown.add(new FieldProblem("permissions[" + i + "]", "unknown permission " + newPermissions.get(i)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolated("unknown-permission", "Unknown permission",
                    "Roles can only grant permissions that a Forecourt service enforces (GET /api/v1/permissions)",
                    unknown.toArray(FieldProblem[]::new));
        }
        TreeSet<String> next = new TreeSet<>(newPermissions);
        List<String> granted = next.stream().filter(p -> !permissions.contains(p)).toList();
        List<String> revoked = permissions.stream().filter(p -> !next.contains(p)).toList();
        name = newName == null || newName.isBlank() ? (name == null ? code : name) : newName;
        permissions = new ArrayList<>(next);
        revision++;
        changedAt = at;
        changedBy = by.username();
        changedById = by.id();
        raise(new RolePermissionsChanged(code, List.copyOf(permissions), granted, revoked, revision, changedBy, changedById, at));
    }

    public String getCode() { return code; }
    public String getStoreId() { return storeId; }
    public String getName() { return name; }
    public List<String> getPermissions() { return List.copyOf(permissions); }
    public int getRevision() { return revision; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getChangedById() { return changedById; }
}
