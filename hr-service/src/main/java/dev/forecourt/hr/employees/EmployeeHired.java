package dev.forecourt.hr.employees;

import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Someone joined the store in a position (the contract of the service guide, plus {@code hiredOn}). */
@EventType("forecourt.hr.employee-hired.v1")
public record EmployeeHired(String employeeId, String username, String name, String positionCode, String departmentCode,
                            List<Skill> skills, boolean active, LocalDate hiredOn) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
