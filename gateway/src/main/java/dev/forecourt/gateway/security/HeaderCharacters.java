package dev.forecourt.gateway.security;

import java.util.function.Predicate;

/**
 * The strict firewall's rules for header names and values — every character assigned in Unicode and
 * not a control character, a tab allowed in values — checked by a loop instead of the firewall's own
 * regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}). The firewall checks every header
 * the gateway reads, on every request: the value expression alone was 2.5 % of the gateway's CPU per
 * routed read in the stack (JFR, docs/benchmarks.md). Printable ASCII, nearly every header character,
 * is decided without a lookup. {@code HeaderCharactersTest} holds the loop to the expressions, code
 * point by code point.
 */
final class HeaderCharacters {

    /** Header (and query parameter) names: as {@code StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES}. */
    static final Predicate<String> NAMES = name -> allowed(name, false);

    /** Header values: as {@code StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES}, which also allows a tab. */
    static final Predicate<String> VALUES = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return true; // as the firewall's own predicates: an absent header is not refused
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
