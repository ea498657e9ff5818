package dev.forecourt.hr.duties;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.org.Position;
import dev.forecourt.hr.org.PositionDefinition;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.roles.Roles;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.security.Staff;

/**
 * Separation of duties, checked before any change of roles, positions, assignments or passwords:
 * <ul>
 *   <li>nobody changes their own role, their own position or moves themselves into another position;</li>
 *   <li>setting a role's permissions, pointing a position at another role, and resetting the password of
 *       someone whose position grants a permission the caller does not hold need {@value #SECURITY_ADMIN}
 *       (the general manager's; HR does not hold it by default);</li>
 *   <li>hiring or moving someone into a position that grants an administrative permission the caller does
 *       not hold needs {@value #SECURITY_ADMIN} too (otherwise HR could hire an accomplice as general manager),
 *       and so does letting its holder go.</li>
 * </ul>
 * Refusals are 403 {@code separation-of-duties}, naming the permission that would have allowed it.
 */
@Component
public class SeparationOfDuties {

    public static final String SECURITY_ADMIN = "security:admin";

    /** Permissions that change who may do what: handing them out is itself a security decision. */
    static final Set<String> ADMINISTRATIVE = Set.of(SECURITY_ADMIN, "roles:write", "positions:write", "employees:write");

    private final Positions positions;
    private final Roles roles;

    public SeparationOfDuties(Positions positions, Roles roles) {
        this.positions = positions;
        this.roles = roles;
    }

    /** Before a role is defined or its permissions set. */
    public void checkRoleChange(String roleCode, List<String> newPermissions, Actor actor) {
        if (roleCode.equals(actor.position()) || ownRole(actor).filter(roleCode::equals).isPresent()) {
            throw refused("Nobody changes the permissions of their own role (" + roleCode + ")", null);
        }
        Set<String> current = new TreeSet<>(roles.permissionsOf(roleCode));
        if (!current.equals(new TreeSet<>(newPermissions)) && !callerMay(SECURITY_ADMIN)) {
            throw refused("Changing what a role may do needs " + SECURITY_ADMIN, SECURITY_ADMIN);
        }
    }

    /** Before a position is created ({@code creating}) or redefined. */
    public void checkPositionChange(String code, PositionDefinition definition, boolean creating, Actor actor) {
        if (code.equals(actor.position())) {
            throw refused("Nobody changes their own position (" + code + ")", null);
        }
        String newRole = definition.roleCode() == null || definition.roleCode().isBlank() ? code : definition.roleCode();
        String currentRole = creating ? null : positions.find(code).map(Position::getRoleCode).orElse(null);
        if (Objects.equals(currentRole, newRole)) {
            return;
        }
        boolean grantsNothingYet = creating && roles.permissionsOf(newRole).isEmpty();
        if (!grantsNothingYet && !callerMay(SECURITY_ADMIN)) {
            throw refused("Mapping position " + code + " to the role " + newRole + " changes what its holders may do: that needs "
                    + SECURITY_ADMIN, SECURITY_ADMIN);
        }
    }

    /** Before someone is hired ({@code employeeId} null) or moved into {@code positionCode}. */
    public void checkAssignment(String employeeId, String positionCode, Actor actor) {
        if (employeeId != null && employeeId.equals(actor.id())) {
            throw refused("Nobody moves themselves into another position", null);
        }
        if (handsOutPower(positionCode) && !callerMay(SECURITY_ADMIN)) {
            throw refused("Position " + positionCode + " grants administrative permissions you do not hold: placing someone there needs "
                    + SECURITY_ADMIN, SECURITY_ADMIN);
        }
    }

    /** Before someone holding {@code positionCode} is let go: not someone with administrative permissions the caller does not hold. */
    public void checkLeaving(String positionCode, Actor actor) {
        if (handsOutPower(positionCode) && !callerMay(SECURITY_ADMIN)) {
            throw refused("Position " + positionCode + " grants administrative permissions you do not hold: letting its holder go needs "
                    + SECURITY_ADMIN, SECURITY_ADMIN);
        }
    }

    /** Before a password is set for the employee holding {@code positionCode}; one's own password is always one's own business. */
    public void checkPasswordReset(String employeeId, String positionCode, Actor actor) {
        if (employeeId.equals(actor.id())) {
            return;
        }
        List<String> callers = callerPermissions();
        boolean morePrivileged = !callers.containsAll(permissionsOfPosition(positionCode));
        if (morePrivileged && !callers.contains(SECURITY_ADMIN)) {
            throw refused("This employee's position grants permissions you do not hold: resetting their password needs "
                    + SECURITY_ADMIN, SECURITY_ADMIN);
        }
    }

    /** Whether the position grants an administrative permission the caller does not hold. */
    private boolean handsOutPower(String positionCode) {
        return permissionsOfPosition(positionCode).stream().anyMatch(p -> ADMINISTRATIVE.contains(p) && !callerMay(p));
    }

    private List<String> permissionsOfPosition(String positionCode) {
        return positions.find(positionCode).map(p -> roles.permissionsOf(p.getRoleCode())).orElse(List.of());
    }

    private Optional<String> ownRole(Actor actor) {
        return actor.position() == null ? Optional.empty() : positions.find(actor.position()).map(Position::getRoleCode);
    }

    private static boolean callerMay(String permission) {
        return callerPermissions().contains(permission);
    }

    private static List<String> callerPermissions() {
        return Staff.current().map(Staff::permissions).orElse(List.of());
    }

    private static ProblemException refused(String detail, String requiredPermission) {
        ProblemException problem = new ProblemException(HttpStatus.FORBIDDEN, "separation-of-duties", "Separation of duties", detail);
        return requiredPermission == null ? problem : problem.with("requiredPermission", requiredPermission);
    }
}
