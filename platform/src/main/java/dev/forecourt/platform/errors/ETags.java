package dev.forecourt.platform.errors;

/** A resource's version as an entity tag: version 3 is {@code "3"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
