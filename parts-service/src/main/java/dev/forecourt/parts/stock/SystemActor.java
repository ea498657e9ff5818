package dev.forecourt.parts.stock;

import dev.forecourt.platform.domain.Actor;

/** This service acting by itself (an event handler, a scheduled job), named "parts-service" in events. */
public final class SystemActor {

    private SystemActor() {
    }

    /** @param reason what made the service act, e.g. "repair order cancelled" */
    public static Actor because(String reason) {
        return new Actor("system", "parts-service", reason, null);
    }
}
