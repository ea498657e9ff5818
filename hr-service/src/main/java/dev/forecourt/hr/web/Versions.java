package dev.forecourt.hr.web;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;

/** Optimistic concurrency on updates: the version the caller read, from the body or {@code If-Match}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(Long version) {
        return "\"" + version + "\"";
    }

    public static long required(Long fromBody, String ifMatch) {
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch != null) {
            String value = ifMatch.replace("W/", "").replace("\"", "").trim();
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match must carry the version you read",
                        new FieldProblem("If-Match", "not a version: " + ifMatch));
            }
        }
        throw ProblemException.invalid("Changes need the version you read (in the body or If-Match)",
                new FieldProblem("version", "must not be null"));
    }
}
