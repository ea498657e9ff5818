package dev.forecourt.hr.roles;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A role's permissions were set: holders get the new set with their next token (at the latest
 * when their current one expires).
 *
 * @param permissions the complete set now granted
 * @param granted     newly granted by this change
 * @param revoked     taken away by this change
 * @param changedBy   username of who set them ({@code system} for the starting catalogue)
 * @param changedById their employee id
 * @param changedAt   when
 */
@EventType("forecourt.hr.role-permissions-changed.v1")
public record RolePermissionsChanged(String roleCode, List<String> permissions, List<String> granted, List<String> revoked,
                                     int revision, String changedBy, String changedById,
                                     Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return roleCode;
    }
}
