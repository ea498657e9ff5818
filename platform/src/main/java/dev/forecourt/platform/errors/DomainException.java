package dev.forecourt.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business failure raised by domain code (aggregates, value objects, policies), which knows
 * nothing of HTTP. {@link ProblemDetailsAdvice} answers each kind with the same problem+json as
 * always: {@link RuleViolated} 422, {@link IllegalTransition} 409 {@code illegal-state},
 * {@link Conflict} 409, {@link VersionConflict} 409 {@code version-conflict}, {@link NotFound} 404,
 * {@link InvalidValue} 400. The {@code type} is a stable slug front ends may switch on.
 */
public abstract sealed class DomainException extends RuntimeException
        permits RuleViolated, IllegalTransition, Conflict, VersionConflict, NotFound, InvalidValue {

    private final String type;
    private final String title;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected DomainException(String type, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** Adds a member to the problem document, e.g. {@code available} or {@code occupiedBy}. */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public String type() { return type; }
    public String title() { return title; }
    public List<FieldProblem> fieldProblems() { return fieldProblems; }
    public Map<String, Object> properties() { return properties; }
}
