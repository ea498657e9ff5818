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

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.hr.config.RequestValidation;
import dev.forecourt.hr.duties.SeparationOfDuties;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/employees")
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
                        String leaveReason, Long version) implements Versioned {
        static EmployeeView of(Employee e) {
            return new EmployeeView(e.getId(), e.getUsername(), e.getName(), e.getPositionCode(), e.getDepartmentCode(), e.getSkills(),
                    e.getAssignments(), e.getStatus(), e.getHiredOn(), e.getLeftOn(), e.getLeaveReason(), e.getVersion());
        }
    }

    /** Who works here and what they can do, without the HR file (history, leaving reasons): for those who assign work. */
    record StaffEntry(String id, String username, String name, String positionCode, String departmentCode, List<Skill> skills) {
        static StaffEntry of(Employee e) {
            return new StaffEntry(e.getId(), e.getUsername(), e.getName(), e.getPositionCode(), e.getDepartmentCode(), e.getSkills());
        }
    }

    private final Employees employees;
    private final Positions positions;
    private final RequestValidation validation;
    private final SeparationOfDuties duties;

    EmployeeController(Employees employees, Positions positions, RequestValidation validation, SeparationOfDuties duties) {
        this.duties = duties;
        this.employees = employees;
        this.positions = positions;
        this.validation = validation;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('employees:read')")
    @Operation(summary = "Employees by username; filter by department, position, skill (with minLevel) and status", operationId = "listEmployees")
    Page<EmployeeView> list(@RequestParam(required = false) String department,
                            @RequestParam(required = false) String position,
                            @RequestParam(required = false) String skill,
                            @RequestParam(defaultValue = "1") @Min(1) @Max(5) int minLevel,
                            @RequestParam(defaultValue = "ACTIVE") Employee.Status status,
                            @Valid @ParameterObject Paging paging) {
        return employees.list(new EmployeeFilter(positionCodes(department, position), skill, minLevel, status), paging)
                .map(EmployeeView::of);
    }

    /** The positions a department / position filter stands for; null for all. */
    private Collection<String> positionCodes(String department, String position) {
        Collection<String> positionCodes = null;
        if (department != null) {
            positionCodes = positions.codesInDepartment(department);
        }
        if (position != null) {
            positionCodes = positionCodes == null ? Set.of(position) : positionCodes.stream().filter(position::equals).toList();
        }
        return positionCodes;
    }

    @GetMapping("/directory")
    @PreAuthorize("hasAnyAuthority('staff:read', 'employees:read')")
    @Operation(summary = "The staff directory: active employees by username with position and skills (no HR file); "
            + "filter by department, position, skill (with minLevel)", operationId = "listStaffDirectory")
    Page<StaffEntry> directory(@RequestParam(required = false) String department,
                               @RequestParam(required = false) String position,
                               @RequestParam(required = false) String skill,
                               @RequestParam(defaultValue = "1") @Min(1) @Max(5) int minLevel,
                               @Valid @ParameterObject Paging paging) {
        return employees.list(new EmployeeFilter(positionCodes(department, position), skill, minLevel, Employee.Status.ACTIVE), paging)
                .map(StaffEntry::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('employees:read')")
    @Operation(summary = "One employee with their assignments (answers its ETag)", operationId = "getEmployee")
    EmployeeView get(@PathVariable String id) {
        return EmployeeView.of(employees.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Hire someone into a position; raises EmployeeHired", operationId = "hireEmployee")
    ResponseEntity<EmployeeView> hire(@RequestBody HireRequest request, Actor actor) {
        validation.valid(request);
        duties.checkAssignment(null, request.positionCode(), actor);
        Employee hired = employees.hire(new Employees.Hiring(request.username(), request.name(), request.positionCode(),
                request.skills(), request.hiredOn(), request.initialPassword()), actor);
        return ResponseEntity.created(URI.create("/api/v1/employees/" + hired.getId())).body(EmployeeView.of(hired));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Transfer to another position of this store (version in the body or If-Match); raises EmployeeAssigned. Nobody moves themselves (403 separation-of-duties)",
            operationId = "assignEmployee")
    EmployeeView assign(@PathVariable String id, @RequestBody AssignRequest request,
                        @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        duties.checkAssignment(id, request.positionCode(), actor);
        return EmployeeView.of(employees.assign(id, request.positionCode(), request.effectiveOn(), expected(ifMatch, request.version()), actor));
    }

    @PutMapping("/{id}/skills")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Record skills and certificate levels (replaces the list; version in the body or If-Match); "
            + "raises EmployeeSkillsChanged and EmployeeAssigned", operationId = "recordEmployeeSkills")
    EmployeeView recordSkills(@PathVariable String id, @RequestBody SkillsRequest request,
                              @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        return EmployeeView.of(employees.recordSkills(id, request.skills(), expected(ifMatch, request.version()), actor));
    }

    @PostMapping("/{id}/leave")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "The employee leaves the store (version in the body or If-Match); raises EmployeeLeft; refresh tokens stop working",
            operationId = "employeeLeaves")
    EmployeeView leave(@PathVariable String id, @RequestBody LeaveRequest request,
                       @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        duties.checkLeaving(employees.get(id).getPositionCode(), actor);
        return EmployeeView.of(employees.leave(id, request.leftOn(), request.reason(), expected(ifMatch, request.version()), actor));
    }

    @PutMapping("/{id}/password")
    @PreAuthorize("hasAuthority('employees:write')")
    @Operation(summary = "Set a new password, e.g. after a forgotten one (version in the body or If-Match); raises EmployeePasswordChanged. "
            + "Someone whose position grants a permission you do not hold needs security:admin",
            operationId = "resetEmployeePassword")
    EmployeeView changePassword(@PathVariable String id, @RequestBody PasswordRequest request,
                                @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        duties.checkPasswordReset(id, employees.get(id).getPositionCode(), actor);
        return EmployeeView.of(employees.changePassword(id, request.password(), expected(ifMatch, request.version()), actor));
    }

    private static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }
}
