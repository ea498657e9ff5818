package dev.forecourt.hr.employees;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * An employee's assignment as it now stands, after a transfer to another position or a change of
 * their skills: consumers (the workshop's technician roster) replace what they knew.
 *
 * @param previousPositionCode the position before a transfer; equal to {@code positionCode} when only skills changed
 * @param effectiveOn          the first day in the new position; null when only skills changed
 * @param changedBy            username of who made the change
 * @param changedById          their employee id
 * @param changedAt            when the change was recorded
 */
@EventType("forecourt.hr.employee-assigned.v1")
public record EmployeeAssigned(String employeeId, String username, String name, String positionCode, String departmentCode,
                               List<Skill> skills, boolean active, String previousPositionCode, LocalDate effectiveOn,
                               String changedBy, String changedById, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
