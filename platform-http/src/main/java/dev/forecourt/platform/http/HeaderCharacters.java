package dev.forecourt.platform.http;

import java.util.function.Predicate;

/**
 * The strict firewalls' rules for header names and values — every character assigned in Unicode and
 * not a control character, a tab allowed in values — checked by a loop instead of the firewalls' own
 * regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), in the gateway (reactive) and in the
 * services (servlet) alike. A firewall checks every header read, each time it is read: the value expression
 * was 2.5 % of the gateway's CPU per routed read, and 6–10 % of a service's request threads, which read the
 * kilobyte of the bearer token twice (JFR, docs/benchmarks.md). Printable ASCII, nearly every header
 * character, is decided without a lookup. {@code HeaderCharactersTest} holds the loop to both firewalls'
 * predicates, code point by code point.
 */
public final class HeaderCharacters {

    /** Header (and query parameter) names: as the firewalls' {@code ALLOWED_HEADER_NAMES}. */
    public static final Predicate<String> NAMES = name -> allowed(name, false);

    /** Header values: as the firewalls' {@code ALLOWED_HEADER_VALUES}, which also allow a tab. */
    public static final Predicate<String> VALUES = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return true; // as the reactive firewall's own predicates: an absent header is not refused
        }
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean control = type == Character.CONTROL && !(tabAllowed && codePoint == '\t');
            if (type == Character.UNASSIGNED || control) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
