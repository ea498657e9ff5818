package dev.forecourt.hr.employees;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * Someone joined the store in a position.
 *
 * @param changedBy   username of who hired them ({@code system} for the demo staff)
 * @param changedById their employee id
 * @param changedAt   when the hire was recorded
 */
@EventType("forecourt.hr.employee-hired.v1")
public record EmployeeHired(String employeeId, String username, String name, String positionCode, String departmentCode,
                            List<Skill> skills, boolean active, LocalDate hiredOn, String changedBy, String changedById,
                            Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
