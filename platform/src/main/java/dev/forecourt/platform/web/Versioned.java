package dev.forecourt.platform.web;

/**
 * A view of a versioned resource: answered with {@code ETag: "<version>"} (see {@link ETagAdvice}),
 * the tag a later change sends back in {@code If-Match}.
 */
public interface Versioned {

    Long version();
}
