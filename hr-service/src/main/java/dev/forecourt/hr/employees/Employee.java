package dev.forecourt.hr.employees;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Someone who works at the store. An employee holds one position at a time; a transfer ends the
 * current assignment and starts the next, and the history of assignments is kept. The password
 * hash lives here so that leaving the store and losing access are one write. Every change names
 * who made it and when.
 */
@Document("employees")
public class Employee extends OutboxAggregate {

    /** Working at the store, or gone (for good: a returning employee is hired again). */
    public enum Status implements Lifecycle<Status> {
        ACTIVE, LEFT;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case ACTIVE -> EnumSet.of(LEFT);
                case LEFT -> EnumSet.noneOf(Status.class);
            };
        }
    }

    /** One stretch in one position. */
    public record Assignment(String positionCode, String departmentCode, LocalDate from, LocalDate to) {
    }

    @Id
    private String id;
    private String storeId;
    @Indexed(unique = true)
    private String username;
    private String name;
    private String positionCode;
    private String departmentCode;
    private List<Skill> skills = new ArrayList<>();
    private List<Assignment> assignments = new ArrayList<>();
    private Status status;
    private LocalDate hiredOn;
    private LocalDate leftOn;
    private String leaveReason;
    private String passwordHash;
    private Instant passwordChangedAt;

    protected Employee() {
    }

    public static Employee hire(String id, String storeId, String username, String name, String positionCode, String departmentCode,
                                List<Skill> skills, LocalDate hiredOn, String passwordHash, Actor by, Instant at) {
        Employee employee = new Employee();
        employee.id = id;
        employee.storeId = storeId;
        employee.username = username;
        employee.name = name;
        employee.positionCode = positionCode;
        employee.departmentCode = departmentCode;
        employee.skills = distinctSkills(skills);
        employee.status = Status.ACTIVE;
        employee.hiredOn = hiredOn;
        employee.passwordHash = passwordHash;
        employee.passwordChangedAt = at;
        employee.assignments.add(new Assignment(positionCode, departmentCode, hiredOn, null));
        employee.raise(new EmployeeHired(id, username, name, positionCode, departmentCode, employee.skills, true, hiredOn,
                by.username(), by.id(), at));
        return employee;
    }

    /** Transfers the employee to another position of this store from {@code on}. */
    public void assign(String newPositionCode, String newDepartmentCode, LocalDate on, Actor by, Instant at) {
        requireActive("assigned");
        if (newPositionCode.equals(positionCode)) {
            throw new IllegalTransition(username + " already holds " + positionCode, positionCode);
        }
        String previous = positionCode;
        endCurrentAssignment(on);
        assignments.add(new Assignment(newPositionCode, newDepartmentCode, on, null));
        positionCode = newPositionCode;
        departmentCode = newDepartmentCode;
        raise(new EmployeeAssigned(id, username, name, positionCode, departmentCode, skills, true, previous, on,
                by.username(), by.id(), at));
    }

    /**
     * Replaces the recorded skills and certificate levels: raises {@link EmployeeSkillsChanged}, and
     * {@link EmployeeAssigned} with the assignment as it now stands for consumers that keep a roster.
     */
    public void recordSkills(List<Skill> newSkills, Actor by, Instant at) {
        requireActive("given skills");
        List<Skill> previous = List.copyOf(skills);
        skills = distinctSkills(newSkills);
        raise(new EmployeeSkillsChanged(id, username, name, positionCode, departmentCode, List.copyOf(skills), previous,
                by.username(), by.id(), at));
        raise(new EmployeeAssigned(id, username, name, positionCode, departmentCode, skills, true, positionCode, null,
                by.username(), by.id(), at));
    }

    public void leave(LocalDate on, String reason, Actor by, Instant at) {
        requireActive("let go");
        if (on.isBefore(hiredOn)) {
            throw new RuleViolated("left-before-hired", "Cannot leave before being hired",
                    username + " was hired on " + hiredOn, new FieldProblem("leftOn", "must not be before " + hiredOn));
        }
        status = Lifecycle.requireTransition(status, Status.LEFT, username + " has left the store already");
        leftOn = on;
        leaveReason = reason;
        endCurrentAssignment(on);
        raise(new EmployeeLeft(id, username, on, positionCode, by.username(), by.id(), at));
    }

    /** A new password, set by the employee or for them; raises {@link EmployeePasswordChanged} (never the hash). */
    public void changePassword(String newHash, Actor by, Instant at) {
        requireActive("given a password");
        passwordHash = newHash;
        passwordChangedAt = at;
        raise(new EmployeePasswordChanged(id, username, id.equals(by.id()), by.username(), by.id(), at));
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    private void requireActive(String what) {
        if (!isActive()) {
            throw new IllegalTransition(username + " has left the store and cannot be " + what, status);
        }
    }

    private void endCurrentAssignment(LocalDate on) {
        int last = assignments.size() - 1;
        Assignment current = assignments.get(last);
        assignments.set(last, new Assignment(current.positionCode(), current.departmentCode(), current.from(), on));
    }

    /** One entry per skill: recording a skill twice keeps the later entry. */
    private static List<Skill> distinctSkills(List<Skill> skills) {
        if (skills == null) {
            return new ArrayList<>();
        }
        Map<String, Skill> bySkill = skills.stream().collect(Collectors.toMap(Skill::skill, Function.identity(), (a, b) -> b,
                LinkedHashMap::new));
        return new ArrayList<>(bySkill.values());
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public String getUsername() { return username; }
    public String getName() { return name; }
    public String getPositionCode() { return positionCode; }
    public String getDepartmentCode() { return departmentCode; }
    public List<Skill> getSkills() { return List.copyOf(skills); }
    public List<Assignment> getAssignments() { return List.copyOf(assignments); }
    public Status getStatus() { return status; }
    public LocalDate getHiredOn() { return hiredOn; }
    public LocalDate getLeftOn() { return leftOn; }
    public String getLeaveReason() { return leaveReason; }
    public String getPasswordHash() { return passwordHash; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
}
