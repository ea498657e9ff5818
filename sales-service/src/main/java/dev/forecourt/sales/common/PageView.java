package dev.forecourt.sales.common;

import java.util.List;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;

/** One page of a list, as every Forecourt list answers. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Checks the page parameters the caller sent. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page must not be negative", new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size must be between 1 and " + MAX_SIZE, new FieldProblem("size", "must be between 1 and 200"));
        }
    }
}
