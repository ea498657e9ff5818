package dev.forecourt.platform.errors;

/** One failing field of a request: its JSON path (e.g. {@code lines[2].quantity}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
