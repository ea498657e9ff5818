package dev.forecourt.hr.employees;

import java.time.Instant;
import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * An employee left the store: their refresh tokens stop working at once, and consumers deny their
 * access tokens from now on.
 */
@EventType("forecourt.hr.employee-left.v1")
public record EmployeeLeft(String employeeId, String username, LocalDate leftOn, String positionCode, String changedBy,
                           String changedById, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return employeeId;
    }
}
