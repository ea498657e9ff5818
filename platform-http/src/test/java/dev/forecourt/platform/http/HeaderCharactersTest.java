package dev.forecourt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The loop decides every character as both strict firewalls' own predicates (regular expressions) do. */
class HeaderCharactersTest {

    /** The firewalls' predicates that {@link HeaderCharacters} replaces: the reactive one's and the servlet one's. */
    private static final List<Predicate<String>> FIREWALLS_NAMES =
            List.of(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    private static final List<Predicate<String>> FIREWALLS_VALUES =
            List.of(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, StrictHttpFirewall.ALLOWED_HEADER_VALUES);

    @Test
    void everyCodePointIsDecidedAsByTheFirewalls() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            compare("a" + new String(Character.toChars(codePoint)) + "b", disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void loneSurrogatesAndRealHeadersAsByTheFirewalls() {
        List<String> disagreements = new ArrayList<>();
        for (String text : List.of("", "\uD83D", "x\uDE00", "\uDE00\uD83D", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "text/html,\tapplication/json;q=0.9",
                "caf\u00e9 \u4e2d\u6587", "bad\u0000nul", "line\r\nbreak", "del\u007f", "c1\u0085")) {
            compare(text, disagreements);
        }
        assertThat(disagreements).isEmpty();
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\u0000b")).isFalse();
    }

    @Test
    void absentHeadersPassAsWithTheReactiveFirewallsOwnPredicates() {
        // the servlet firewall never asks about an absent header; the reactive one does
        assertThat(HeaderCharacters.NAMES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null)).isTrue();
        assertThat(HeaderCharacters.VALUES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null)).isTrue();
    }

    private static void compare(String text, List<String> disagreements) {
        compare(text, HeaderCharacters.NAMES, FIREWALLS_NAMES, "names", disagreements);
        compare(text, HeaderCharacters.VALUES, FIREWALLS_VALUES, "values", disagreements);
    }

    private static void compare(String text, Predicate<String> loop, List<Predicate<String>> firewalls, String what,
                                List<String> disagreements) {
        for (Predicate<String> firewall : firewalls) {
            if (firewall.test(text) != loop.test(text) && disagreements.size() < 20) {
                disagreements.add(what + " on " + text.codePoints().mapToObj(Integer::toHexString).toList());
            }
        }
    }
}
