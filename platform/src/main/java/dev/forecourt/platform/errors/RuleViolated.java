package dev.forecourt.platform.errors;

import java.util.List;

/** The request is well-formed but breaks a business rule, named by {@code type} (answered 422). */
public final class RuleViolated extends DomainException {

    public RuleViolated(String type, String title, String detail, FieldProblem... fields) {
        super(type, title, detail, List.of(fields));
    }

    @Override
    public RuleViolated with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
