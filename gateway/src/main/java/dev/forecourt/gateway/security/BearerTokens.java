package dev.forecourt.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>} with a character loop instead of Spring Security's
 * regular expression per request; the same rule (RFC 6750 {@code b64token}: letters, digits,
 * {@code -._~+/}, then trailing {@code =}), the same answers: no header or another scheme is an
 * anonymous request, a malformed token a 401. Tokens are not read from query parameters or forms.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.empty();
        }
        String token = header.substring(PREFIX.length());
        if (!isB64Token(token)) {
            return Mono.error(new InvalidBearerTokenException(BearerTokenErrors.invalidToken("Bearer token is malformed").getDescription()));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    static boolean isB64Token(String token) {
        int length = token.length();
        int end = length;
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
