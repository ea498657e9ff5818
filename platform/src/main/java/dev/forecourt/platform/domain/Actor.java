package dev.forecourt.platform.domain;

import java.util.Objects;

/**
 * Who did something, as domain code records it in histories, ledgers and events: the employee's
 * id, login name, display name and position at the time. Built from the caller's token by the web
 * layer (a controller method takes an {@code Actor} parameter); domain code never sees the token.
 *
 * @param id          the employee id ({@code sub} of the token), e.g. {@code emp-0007}
 * @param username    the login name, e.g. {@code advisor}
 * @param displayName the name shown to people, e.g. {@code 周敏 Zhou Min}
 * @param position    the position code, e.g. {@code service-advisor}; null for service accounts
 */
public record Actor(String id, String username, String displayName, String position) {

    public Actor {
        Objects.requireNonNull(id, "id");
    }

    /** The system itself acting (a scheduled job, an event handler), never a person. */
    public static Actor system(String name) {
        return new Actor("system", name, name, null);
    }
}
