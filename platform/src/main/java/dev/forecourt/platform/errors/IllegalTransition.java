package dev.forecourt.platform.errors;

import java.util.List;

/**
 * The step is not allowed in the current state (answered 409 {@code illegal-state}); the answer
 * names that state in {@code currentState}.
 */
public final class IllegalTransition extends DomainException {

    private final String currentState;

    public IllegalTransition(String detail, Object currentState) {
        super("illegal-state", "Not allowed in the current state", detail, List.of());
        this.currentState = String.valueOf(currentState);
        with("currentState", this.currentState);
    }

    public String currentState() {
        return currentState;
    }

    @Override
    public IllegalTransition with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
