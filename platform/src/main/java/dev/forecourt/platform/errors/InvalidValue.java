package dev.forecourt.platform.errors;

import java.util.List;

/** A value that cannot exist, found by a value object rather than by bean validation (answered 400 {@code validation}). */
public final class InvalidValue extends DomainException {

    public InvalidValue(String detail, FieldProblem... fields) {
        super("validation", "Invalid request", detail, List.of(fields));
    }
}
