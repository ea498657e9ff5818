package dev.forecourt.platform.errors;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as RFC 9457 problem details. The {@code type} is a
 * stable slug (e.g. {@code stock-insufficient}) that front ends may switch on; the URI prefix is
 * added by {@link ProblemDetailsAdvice}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** Adds an extension member to the problem document, e.g. {@code currentState} or {@code available}. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public List<FieldProblem> fieldProblems() { return fieldProblems; }
    public Map<String, Object> properties() { return properties; }

    /** 404: the resource does not exist (in this store). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    /** 409: the step is not allowed in the resource's current state; the answer names that state. */
    public static ProblemException illegalState(String detail, Object currentState) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-state", "Not allowed in the current state", detail)
                .with("currentState", String.valueOf(currentState));
    }

    /** 409: a conflict other than state, e.g. a duplicate or a resource already taken. */
    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, title, detail);
    }

    /** 422: the request is well-formed but breaks a business rule; {@code type} names the rule. */
    public static ProblemException businessRule(String type, String title, String detail, FieldProblem... fields) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail, List.of(fields));
    }

    /** 400 from bean validation: every invalid field of the request, ordered by field name. */
    public static ProblemException invalidFields(List<FieldProblem> fields) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields",
                fields.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
    }

    /** 400: the request itself is invalid in a way bean validation could not see. */
    public static ProblemException invalid(String detail, FieldProblem... fields) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, List.of(fields));
    }
}
