package dev.forecourt.hr.org;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A department was created or renamed.
 *
 * @param changedBy   username of who changed it ({@code system} for the starting catalogue)
 * @param changedById their employee id
 */
@EventType("forecourt.hr.department-changed.v1")
public record DepartmentChanged(String departmentCode, Change change, String nameZh, String nameEn, String changedBy,
                                String changedById, Instant changedAt) implements DomainEvent {

    public enum Change { CREATED, RENAMED }

    @Override
    public String aggregateId() {
        return departmentCode;
    }
}
