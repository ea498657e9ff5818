package dev.forecourt.crm.callback;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** OPEN until the customer is reached (COMPLETED) or the attempts are used up (NOT_REACHED); a replaced reminder is CANCELLED. */
public enum CallbackStatus implements Lifecycle<CallbackStatus> {
    OPEN, COMPLETED, NOT_REACHED, CANCELLED;

    @Override
    public Set<CallbackStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(COMPLETED, NOT_REACHED, CANCELLED);
            case COMPLETED, NOT_REACHED, CANCELLED -> EnumSet.noneOf(CallbackStatus.class);
        };
    }
}
