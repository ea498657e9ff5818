package dev.forecourt.platform.events.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;

/**
 * The version a caller read and means to change, from {@code If-Match} ({@code "3"}, {@code W/"3"})
 * or a body's {@code version}; {@link #ANY} when the caller gave none (the change is then retried a
 * few times on a concurrent write). Controllers take it as
 * {@code @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch}.
 */
public record ExpectedVersion(Long version) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null);

    private static final Pattern ENTITY_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    public static ExpectedVersion of(Long version) {
        return version == null ? ANY : new ExpectedVersion(version);
    }

    /** Parses an {@code If-Match} value; {@code *} and blank mean any version. */
    public static ExpectedVersion parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return ANY;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidValue("If-Match must carry the ETag you read, e.g. \"3\"",
                    new FieldProblem("If-Match", "not an ETag of this resource: " + ifMatch));
        }
        return new ExpectedVersion(Long.parseLong(matcher.group(1)));
    }

    /** This version if given, else the one from the body (which may be null too). */
    public ExpectedVersion or(Long bodyVersion) {
        return isGiven() ? this : of(bodyVersion);
    }

    public boolean isGiven() {
        return version != null;
    }

    public boolean matches(Long current) {
        return !isGiven() || version.equals(current);
    }
}
