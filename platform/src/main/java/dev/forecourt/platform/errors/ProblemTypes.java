package dev.forecourt.platform.errors;

import java.net.URI;

/** Problem {@code type} URIs are stable: {@value #BASE} followed by a slug. */
public final class ProblemTypes {

    public static final String BASE = "https://forecourt.dev/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
