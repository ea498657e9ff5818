package dev.forecourt.platform.errors;

import java.util.List;

/** A conflict other than state: a duplicate, a resource already taken (answered 409 with {@code type}). */
public final class Conflict extends DomainException {

    public Conflict(String type, String title, String detail) {
        super(type, title, detail, List.of());
    }

    @Override
    public Conflict with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
