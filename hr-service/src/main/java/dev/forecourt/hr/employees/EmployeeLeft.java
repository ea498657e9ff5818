package dev.forecourt.hr.employees;

import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** An employee left the store; their refresh tokens stop working. */
@EventType("forecourt.hr.employee-left.v1")
public record EmployeeLeft(String employeeId, String username, LocalDate leftOn, String positionCode) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
