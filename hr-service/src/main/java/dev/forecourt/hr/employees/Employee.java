package dev.forecourt.hr.employees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Someone who works at the store. An employee holds one position at a time; a transfer ends the
 * current assignment and starts the next, and the history of assignments is kept. The password
 * hash lives here so that leaving the store and losing access are one write.
 */
@Document("employees")
public class Employee extends OutboxAggregate {

    public enum Status { ACTIVE, LEFT }

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

    protected Employee() {
    }

    public static Employee hire(String id, String storeId, String username, String name, String positionCode, String departmentCode,
                                List<Skill> skills, LocalDate hiredOn, String passwordHash) {
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
        employee.assignments.add(new Assignment(positionCode, departmentCode, hiredOn, null));
        employee.raise(new EmployeeHired(id, username, name, positionCode, departmentCode, employee.skills, true, hiredOn));
        return employee;
    }

    /** Transfers the employee to another position of this store from {@code on}. */
    public void assign(String newPositionCode, String newDepartmentCode, LocalDate on) {
        requireActive("assigned");
        if (newPositionCode.equals(positionCode)) {
            throw ProblemException.illegalState(username + " already holds " + positionCode, positionCode);
        }
        String previous = positionCode;
        endCurrentAssignment(on);
        assignments.add(new Assignment(newPositionCode, newDepartmentCode, on, null));
        positionCode = newPositionCode;
        departmentCode = newDepartmentCode;
        raise(new EmployeeAssigned(id, username, name, positionCode, departmentCode, skills, true, previous));
    }

    /** Replaces the recorded skills and certificate levels. */
    public void recordSkills(List<Skill> newSkills) {
        requireActive("given skills");
        skills = distinctSkills(newSkills);
        raise(new EmployeeAssigned(id, username, name, positionCode, departmentCode, skills, true, positionCode));
    }

    public void leave(LocalDate on, String reason) {
        requireActive("let go");
        if (on.isBefore(hiredOn)) {
            throw ProblemException.businessRule("left-before-hired", "Cannot leave before being hired",
                    username + " was hired on " + hiredOn, new FieldProblem("leftOn", "must not be before " + hiredOn));
        }
        status = Status.LEFT;
        leftOn = on;
        leaveReason = reason;
        endCurrentAssignment(on);
        raise(new EmployeeLeft(id, username, on, positionCode));
    }

    public void changePassword(String newHash) {
        requireActive("given a password");
        passwordHash = newHash;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    private void requireActive(String what) {
        if (!isActive()) {
            throw ProblemException.illegalState(username + " has left the store and cannot be " + what, status);
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
}
