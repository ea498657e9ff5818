package dev.forecourt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The loop decides every character as the strict firewall's own expressions do. */
class HeaderCharactersTest {

    // the expressions of StrictServerWebExchangeFirewall (Spring Security 7.0), whose predicates are replaced
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsDecidedAsByTheFirewallsExpressions() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            compare(text, NAME, HeaderCharacters.NAMES, disagreements);
            compare(text, VALUE, HeaderCharacters.VALUES, disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void loneSurrogatesAndRealHeadersAsByTheExpressions() {
        List<String> disagreements = new ArrayList<>();
        for (String text : List.of("", "\uD83D", "x\uDE00", "\uDE00\uD83D", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "text/html,\tapplication/json;q=0.9",
                "caf\u00e9 \u4e2d\u6587", "bad\u0000nul", "line\r\nbreak", "del\u007f", "c1\u0085")) {
            compare(text, NAME, HeaderCharacters.NAMES, disagreements);
            compare(text, VALUE, HeaderCharacters.VALUES, disagreements);
        }
        assertThat(disagreements).isEmpty();
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\u0000b")).isFalse();
    }

    @Test
    void absentHeadersPassAsWithTheFirewallsOwnPredicates() {
        assertThat(HeaderCharacters.NAMES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null)).isTrue();
        assertThat(HeaderCharacters.VALUES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null)).isTrue();
    }

    private static void compare(String text, Pattern expression, Predicate<String> loop, List<String> disagreements) {
        if (expression.matcher(text).matches() != loop.test(text) && disagreements.size() < 20) {
            disagreements.add(expression.pattern() + " on " + text.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }
}
