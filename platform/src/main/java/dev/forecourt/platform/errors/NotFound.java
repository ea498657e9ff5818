package dev.forecourt.platform.errors;

import java.util.List;

/** The thing does not exist in this store (answered 404 {@code not-found}). */
public final class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super("not-found", what + " not found", what + " " + id + " does not exist", List.of());
    }
}
