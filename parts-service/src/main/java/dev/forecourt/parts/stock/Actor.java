package dev.forecourt.parts.stock;

import dev.forecourt.platform.security.Staff;

/** Who caused a movement: the employee behind the request, or this service itself for event-driven work. */
public record Actor(String employeeId, String username, String name) {

    public static Actor current() {
        return Staff.current().map(s -> new Actor(s.employeeId(), s.username(), s.name())).orElse(system("parts-service"));
    }

    public static Actor system(String reason) {
        return new Actor("system", "parts-service", reason);
    }

    /** How the actor is named in events that only carry one string. */
    public String label() {
        return username != null ? username : employeeId;
    }
}
