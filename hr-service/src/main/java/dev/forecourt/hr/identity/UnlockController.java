package dev.forecourt.hr.identity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.hr.employees.Employee;
import dev.forecourt.hr.employees.Employees;
import dev.forecourt.platform.domain.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity", description = "Staff tokens (RS256 JWT) and the keys to verify them")
class UnlockController {

    /** @param wasHeld whether logins for the username were being held back when it was unlocked */
    record Unlocked(String employeeId, String username, boolean wasHeld, String unlockedBy) {
    }

    private final Employees employees;
    private final LoginThrottle throttle;

    UnlockController(Employees employees, LoginThrottle throttle) {
        this.employees = employees;
        this.throttle = throttle;
    }

    @PostMapping("/api/v1/employees/{id}/unlock")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Lift the hold on an employee's logins after failed passwords (the general manager or HR)",
            operationId = "unlockEmployeeLogin")
    Unlocked unlock(@PathVariable String id, Actor actor) {
        Employee employee = employees.get(id);
        return new Unlocked(employee.getId(), employee.getUsername(), throttle.unlock(employee.getUsername()), actor.username());
    }
}
