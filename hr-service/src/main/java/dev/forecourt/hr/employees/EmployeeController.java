package dev.forecourt.hr.employees;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.web.Page;
import dev.forecourt.hr.web.RequestValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/employees")
@Validated
@Tag(name = "Employees", description = "Hiring, transfers, skills and certificate levels, leaving")
class EmployeeController {

    record HireRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,39}", message = "2-40 lower-case letters, digits, . _ -") String username,
            @NotBlank @Size(max = 80) String name,
            @NotBlank String positionCode,
            @Size(max = 30) List<@Valid @NotNull Skill> skills,
            LocalDate hiredOn,
            @NotBlank @Size(min = 8, max = 128) String initialPassword) {
    }

    record AssignRequest(@NotBlank String positionCode, LocalDate effectiveOn, Long version) {
    }

    record SkillsRequest(@NotNull @Size(max = 30) List<@Valid @NotNull Skill> skills, Long version) {
    }

    record LeaveRequest(LocalDate leftOn, @Size(max = 500) String reason, Long version) {
    }

    record PasswordRequest(@NotBlank @Size(min = 8, max = 128) String password, Long version) {
    }

    record EmployeeView(String id, String username, String name, String positionCode, String departmentCode, List<Skill> skills,
                        List<Employee.Assignment> assignments, Employee.Status status, LocalDate hiredOn, LocalDate leftOn,
                        String leaveReason, Long version) {
        static EmployeeView of(Employee e) {
            return new EmployeeView(e.getId(), e.getUsername(), e.getName(), e.getPositionCode(), e.getDepartmentCode(), e.getSkills(),
                    e.getAssignments(), e.getStatus(), e.getHiredOn(), e.getLeftOn(), e.getLeaveReason(), e.getVersion());
        }
    }

    private final Employees employees;
    private final Positions positions;

    private final RequestValidation validation;

    EmployeeController(Employees employees, Positions positions, RequestValidation validation) {
        this.validation = validation;
        this.employees = employees;
        this.positions = positions;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('employees:read')")
    @Operation(summary = "Employees by username; filter by department, position, skill (with minLevel) and status")
    Page<EmployeeView> list(@RequestParam(required = false) String department,
                            @RequestParam(required = false) String position,
                            @RequestParam(required = false) String skill,
                            @RequestParam(defaultValue = "1") @Min(1) @Max(5) int minLevel,
                            @RequestParam(defaultValue = "ACTIVE") Employee.Status status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Collection<String> positionCodes = null;
        if (department != null) {
            positionCodes = positions.codesInDepartment(department);
        }
        if (position != null) {
            positionCodes = positionCodes == null ? Set.of(position) : positionCodes.stream().filter(position::equals).toList();
        }
        Page<Employee> found = employees.list(new EmployeeFilter(positionCodes, skill, minLevel, status), page, size);
        return new Page<>(found.items().stream().map(EmployeeView::of).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('employees:read')")
    EmployeeView get(@PathVariable String id) {
        return EmployeeView.of(employees.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Hire someone into a position; raises EmployeeHired")
    ResponseEntity<EmployeeView> hire(@RequestBody HireRequest request) {
        validation.valid(request);
        Employee hired = employees.hire(new Employees.Hiring(request.username(), request.name(), request.positionCode(),
                request.skills(), request.hiredOn(), request.initialPassword()));
        return ResponseEntity.created(URI.create("/api/v1/employees/" + hired.getId())).body(EmployeeView.of(hired));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Transfer to another position of this store; raises EmployeeAssigned")
    EmployeeView assign(@PathVariable String id, @RequestBody AssignRequest request) {
        validation.valid(request);
        return EmployeeView.of(employees.assign(id, request.positionCode(), request.effectiveOn(), request.version()));
    }

    @PutMapping("/{id}/skills")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Record skills and certificate levels (replaces the list); raises EmployeeAssigned")
    EmployeeView recordSkills(@PathVariable String id, @RequestBody SkillsRequest request) {
        validation.valid(request);
        return EmployeeView.of(employees.recordSkills(id, request.skills(), request.version()));
    }

    @PostMapping("/{id}/leave")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "The employee leaves the store; raises EmployeeLeft; refresh tokens stop working")
    EmployeeView leave(@PathVariable String id, @RequestBody LeaveRequest request) {
        validation.valid(request);
        return EmployeeView.of(employees.leave(id, request.leftOn(), request.reason(), request.version()));
    }

    @PutMapping("/{id}/password")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Set a new password (e.g. after a forgotten one)")
    EmployeeView changePassword(@PathVariable String id, @RequestBody PasswordRequest request) {
        validation.valid(request);
        return EmployeeView.of(employees.changePassword(id, request.password(), request.version()));
    }
}
