package dev.forecourt.hr.roles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.hr.org.Position;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.config.RequestValidation;
import dev.forecourt.hr.duties.SeparationOfDuties;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Roles and permissions", description = "Which position may do what: the permission matrix every service enforces")
class RoleController {

    record RoleRequest(@Size(max = 120) String name,
                       @NotNull @Size(max = 200) List<@NotNull @Pattern(regexp = "[a-z-]+:[a-z-]+", message = "must look like resource:action") String> permissions,
                       Long version) {
    }

    record RoleView(String code, String name, List<String> positions, List<String> permissions, int revision, Instant changedAt,
                    String changedBy, Long version) implements Versioned {
    }

    /**
     * The permission matrix: every permission, every role with what it grants and which positions map
     * to it, and per permission the roles that hold it.
     */
    record PermissionMatrix(List<PermissionCatalogue.Permission> permissions, List<RoleView> roles, Map<String, List<String>> matrix) {
    }

    private final Roles roles;
    private final Positions positions;
    private final RequestValidation validation;
    private final SeparationOfDuties duties;

    RoleController(Roles roles, Positions positions, RequestValidation validation, SeparationOfDuties duties) {
        this.duties = duties;
        this.roles = roles;
        this.positions = positions;
        this.validation = validation;
    }

    @GetMapping("/api/v1/roles")
    @PreAuthorize("hasAuthority('roles:read')")
    @Operation(summary = "The permission matrix", operationId = "getPermissionMatrix")
    PermissionMatrix matrix() {
        Map<String, List<String>> positionsByRole = positionsByRole();
        List<RoleView> views = roles.all().stream().map(r -> view(r, positionsByRole)).toList();
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        for (PermissionCatalogue.Permission permission : PermissionCatalogue.ALL) {
            matrix.put(permission.name(), views.stream().filter(v -> v.permissions().contains(permission.name())).map(RoleView::code).toList());
        }
        return new PermissionMatrix(PermissionCatalogue.ALL, views, matrix);
    }

    @GetMapping("/api/v1/roles/{code}")
    @PreAuthorize("hasAuthority('roles:read')")
    @Operation(summary = "One role with its permissions and positions (answers its ETag)", operationId = "getRole")
    RoleView get(@PathVariable String code) {
        return view(roles.get(code), positionsByRole());
    }

    @PutMapping("/api/v1/roles/{code}")
    @PreAuthorize("hasAuthority('roles:write')")
    @Operation(summary = "Define a role or set its permissions (version in the body or If-Match; stale → 409 version-conflict); "
            + "raises RolePermissionsChanged. Changing permissions needs security:admin; nobody changes their own role "
            + "(403 separation-of-duties)", operationId = "setRolePermissions")
    RoleView grant(@PathVariable @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*") @Size(max = 64) String code, @RequestBody RoleRequest request,
                   @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        duties.checkRoleChange(code, request.permissions(), actor);
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        Role role = roles.grantExactly(code, request.name(), request.permissions(), expected, actor);
        return view(role, positionsByRole());
    }

    @GetMapping("/api/v1/permissions")
    @PreAuthorize("hasAuthority('roles:read')")
    @Operation(summary = "Every permission a Forecourt service enforces", operationId = "listPermissions")
    List<PermissionCatalogue.Permission> permissions() {
        return PermissionCatalogue.ALL;
    }

    private Map<String, List<String>> positionsByRole() {
        return positions.active().stream().collect(Collectors.groupingBy(Position::getRoleCode,
                Collectors.mapping(Position::getCode, Collectors.toList())));
    }

    private static RoleView view(Role role, Map<String, List<String>> positionsByRole) {
        return new RoleView(role.getCode(), role.getName(), positionsByRole.getOrDefault(role.getCode(), List.of()), role.getPermissions(),
                role.getRevision(), role.getChangedAt(), role.getChangedBy(), role.getVersion());
    }
}
