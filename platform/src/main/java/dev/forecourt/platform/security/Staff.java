package dev.forecourt.platform.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;

import dev.forecourt.platform.domain.Actor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The employee behind the current request, as hr-service's token says: who did it is recorded in
 * ledgers and histories.
 *
 * @param employeeId  {@code sub}
 * @param username    {@code preferred_username}
 * @param name        {@code name}
 * @param position    {@code position}, e.g. {@code service-advisor}
 * @param permissions {@code permissions}, e.g. {@code repair-orders:open}
 */
public record Staff(String employeeId, String username, String name, String position, List<String> permissions) {

    /** Claim names of Forecourt staff tokens. */
    public static final String STORE_ID = "storeId";
    public static final String POSITION = "position";
    public static final String PERMISSIONS = "permissions";
    public static final String USERNAME = "preferred_username";
    public static final String NAME = "name";

    public static Optional<Staff> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        List<String> permissions = jwt.getClaimAsStringList(PERMISSIONS);
        return Optional.of(new Staff(jwt.getSubject(), jwt.getClaimAsString(USERNAME), jwt.getClaimAsString(NAME),
                jwt.getClaimAsString(POSITION), permissions == null ? List.of() : permissions));
    }

    /** The current employee; for code that only runs behind an authenticated route. */
    public static Staff require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated employee on this request"));
    }

    /** The employee as domain code records them. */
    public Actor actor() {
        return new Actor(employeeId, username, name, position);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }
}
