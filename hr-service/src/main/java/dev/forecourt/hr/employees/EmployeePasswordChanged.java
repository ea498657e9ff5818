package dev.forecourt.hr.employees;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * An employee's password was set: by themselves ({@code own}) or reset for them by someone else.
 * Carries who and when, never the password or its hash.
 */
@EventType("forecourt.hr.employee-password-changed.v1")
public record EmployeePasswordChanged(String employeeId, String username, boolean own, String changedBy, String changedById,
                                      Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
