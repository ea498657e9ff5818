package dev.forecourt.hr.employees;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * The employee's skills and certificate levels were recorded anew.
 *
 * @param skills         the complete list now recorded
 * @param previousSkills the list before this change
 */
@EventType("forecourt.hr.employee-skills-changed.v1")
public record EmployeeSkillsChanged(String employeeId, String username, String name, String positionCode, String departmentCode,
                                    List<Skill> skills, List<Skill> previousSkills, String changedBy, String changedById,
                                    Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
