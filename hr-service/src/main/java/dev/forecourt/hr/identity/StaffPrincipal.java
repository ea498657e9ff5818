package dev.forecourt.hr.identity;

import java.util.List;

/**
 * Who a token is issued to, as its claims will say.
 *
 * @param subject      {@code sub}: the employee id, or the service account's username
 * @param passwordHash to check a login against; never leaves this package
 */
record StaffPrincipal(String subject, String username, String name, String position, List<String> permissions, String passwordHash) {
}
